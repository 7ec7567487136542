package dev.bulkhead.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bulkhead.intent.Intent;
import dev.bulkhead.intent.IntentJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code check} cannot read it does not pass: a role whose trust policy cannot be read fails the MFA rule, and a
 * render whose shape is wrong (labels that are not a mapping, two resources with one URN, a parent that is not a URN)
 * is unreadable (exit 2), never judged as if the broken part were absent.
 */
class FailClosedTest {

    private static final String ROLE = "aws:iam/role:Role";

    private final MutatedRender render = new MutatedRender();

    @Test
    void aHumanRoleWithoutATrustPolicyFailsTheMfaRule() {
        render.aws(ROLE, "access-admin").remove("assumeRolePolicy");
        assertFailsMfa("access-admin", "has no readable trust policy (assumeRolePolicy is missing)");
    }

    @Test
    void aHumanRoleWithAnUnparseableTrustPolicyFailsTheMfaRule() {
        render.aws(ROLE, "access-developer-shop").addProperty("assumeRolePolicy", "{\"Statement\": [");
        assertFailsMfa("access-developer-shop", "not a JSON policy document");
    }

    @Test
    void labelsThatAreNotAMappingMakeTheRenderUnreadable(@TempDir Path dir) throws IOException {
        JsonObject metadata = render.find(o -> o.get("type").getAsString().equals(RenderView.NAMESPACE))
                .getAsJsonObject("inputs").getAsJsonObject("metadata");
        JsonArray list = new JsonArray();
        list.add("bulkhead.dev/project=shop");
        metadata.add("labels", list);
        assertUnreadable(dir, "metadata.labels must map names to strings");
    }

    @Test
    void twoResourcesWithOneUrnMakeTheRenderUnreadable(@TempDir Path dir) throws IOException {
        JsonObject copy = render.resources.get(5).getAsJsonObject().deepCopy();
        render.resources.add(copy);
        assertUnreadable(dir, "has the URN of resources.json[5]");
    }

    @Test
    void aParentThatIsNotAUrnMakesTheRenderUnreadable(@TempDir Path dir) throws IOException {
        render.resources.get(3).getAsJsonObject().add("parent", new JsonObject());
        assertUnreadable(dir, "\"parent\" must be a URN string or null");
    }

    private void assertFailsMfa(String role, String fragment) {
        CheckReport report = CheckReport.of(render.view());
        assertFalse(report.passed(), report.summary("dev"));
        assertTrue(report.findings().stream().anyMatch(f -> f.ruleId().equals("access.mfa-required")
                && f.toString().contains(role) && f.toString().contains(fragment)), report.summary("dev"));
    }

    private void assertUnreadable(Path dir, String fragment) throws IOException {
        Files.writeString(dir.resolve("resources.json"), render.resources.toString());
        Files.writeString(dir.resolve(Intent.FILE), IntentJson.write(render.intent()));
        UnreadableRender e = assertThrows(UnreadableRender.class, () -> UnreadableRender.read(dir));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        JsonParser.parseString(render.resources.toString()); // the file itself is valid JSON
    }
}
