package dev.bulkhead.render;

import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The URNs of the dev stack, against the list checked in at {@value #SNAPSHOT}. A URN is a resource's identity to
 * Pulumi: when it changes, {@code pulumi up} deletes the resource and creates a new one (a new cluster, a new VPC, an
 * empty namespace). So any change fails here, with what to do about it.
 */
class UrnSnapshotTest {

    static final String SNAPSHOT = "src/test/resources/urns/dev.txt";
    /** Set to true ({@code -Dbulkhead.updateUrns=true}) to rewrite the snapshot after a deliberate change. */
    static final String UPDATE = "bulkhead.updateUrns";

    @Test
    void theDevStacksUrnsAreTheCheckedInOnes() throws IOException {
        List<String> urns = Stacks.rendered("dev").stream().map(RenderedResource::urn).sorted().toList();
        Path snapshot = Stacks.projectRoot().resolve(SNAPSHOT);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, String.join("\n", urns) + "\n", StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(snapshot), SNAPSHOT + " is missing; create it with mvn test -D" + UPDATE + "=true");
        List<String> expected = Files.readAllLines(snapshot, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        var removed = new TreeSet<>(expected);
        urns.forEach(removed::remove);
        var added = new TreeSet<>(urns);
        expected.forEach(added::remove);
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        List<String> message = new ArrayList<>();
        message.add("The URNs of the dev stack changed. Pulumi identifies a resource by its URN: for each URN below that "
                + "is gone, pulumi up would DELETE that resource, and create the new one in its place.");
        removed.forEach(u -> message.add("  - " + u));
        added.forEach(u -> message.add("  + " + u));
        message.add("If a resource was only renamed or moved to another parent, keep it: give the new resource the "
                + "option aliases(Alias.builder().urn(\"<old URN>\").build()) (CustomResourceOptions or "
                + "ComponentResourceOptions), or an Alias with the old name/parent, so that Pulumi moves it instead.");
        message.add("If the change is deliberate (new resources, or a replacement you intend), update the snapshot: "
                + "mvn -B -o test -pl src -am -Dtest=UrnSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                + UPDATE + "=true, and commit " + SNAPSHOT + " with the reason.");
        fail(String.join("\n", message));
    }
}
