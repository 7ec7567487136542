package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;

/** Egress hosts name the internet: never the node, the cluster, a link or a cloud's metadata service. */
class EgressHostsTest {

    private static final String HOST = "bulkhead:projects[0].egress[0].host";

    @Test
    void singleLabelNamesResolveInsideAndAreRefused() {
        for (String name : List.of("localhost", "orders", "kubernetes", "instance-data", "metadata")) {
            assertOnlyError(set(reference(), HOST, name), HOST, "\"" + name + "\" has a single label",
                    "egress entries name internet hosts in full");
        }
    }

    @Test
    void specialUseNamesAreRefused() {
        for (var c : List.of(List.of("metadata.google.internal", "internal"),
                List.of("instance-data.ec2.internal", "internal"), List.of("printer.local", "local"),
                List.of("app.localhost", "localhost"), List.of("*.eu-west-1.compute.internal", "internal"),
                List.of("1.0.0.10.in-addr.arpa", "arpa"), List.of("db.corp.test", "test"))) {
            assertOnlyError(set(reference(), HOST, c.get(0)), HOST, "\"" + c.get(0) + "\" is under \"" + c.get(1)
                    + "\", which is not on the internet");
        }
    }

    @Test
    void sharedHostsFollowTheSameRules() {
        var config = reference();
        config.put("bulkhead:egress", Fixtures.map("hosts", Fixtures.list(Fixtures.map("host", "localhost", "port", 443))));
        assertOnlyError(config, "bulkhead:egress.hosts[0].host", "has a single label");
    }
}
