package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.Fixtures.REMOVE;
import static dev.bulkhead.config.Fixtures.errors;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation goes on after the first mistake: a user fixes the whole file from one report. */
class ManyErrorsTest {

    @Test
    void twelveMistakesGiveTwelveErrors() {
        Map<String, Object> config = reference();
        set(config, "aws:region", "europe-1");
        set(config, "bulkhead:network.cidr", "10.40.0.1/16");
        set(config, "bulkhead:network.availabilityZone", 3);
        set(config, "bulkhead:cluster.kubernetesVersion", 1.31);
        set(config, "bulkhead:cluster.publicAccessCidrs[0]", "0.0.0.0/0");
        set(config, "bulkhead:cluster.nodeGroups[0].minSize", 5);
        set(config, "bulkhead:access.admins[0]", "arn:aws:iam::111122223333:user/*");
        set(config, "bulkhead:projects[0].namespaces[2]", "kube-system");
        set(config, "bulkhead:projects[0].ingress.routes[0].service", "billing/storefront");
        set(config, "bulkhead:projects[0].exports[0].consumers[0]", "biling");
        set(config, "bulkhead:projects[0].egress[1].cidr", "0.0.0.0/0");
        set(config, "bulkhead:platform.trustDomain", REMOVE);
        set(config, "bulkhead:platform.allowedRegistries[0]", "https://ghcr.io");

        List<ConfigError> errors = errors(config);

        assertEquals(List.of(
                "aws:region",
                "bulkhead:network.availabilityZone",
                "bulkhead:network.cidr",
                "bulkhead:cluster.kubernetesVersion",
                "bulkhead:cluster.publicAccessCidrs[0]",
                "bulkhead:cluster.nodeGroups[0]",
                "bulkhead:access.admins[0]",
                "bulkhead:platform.allowedRegistries[0]",
                "bulkhead:projects[0].ingress.routes[0].service",
                "bulkhead:projects[0].egress[1].cidr",
                "bulkhead:projects[0].namespaces[2]",
                "bulkhead:projects[0].exports[0].consumers[0]"),
                errors.stream().map(ConfigError::path).toList(), () -> String.join("\n", errors.stream()
                        .map(ConfigError::toString).toList()));
        ConfigException e = new ConfigException(errors);
        assertEquals(12, e.getMessage().lines().count());
        assertTrue(e.getMessage().lines().allMatch(line -> line.startsWith("aws:") || line.startsWith("bulkhead:")));
    }
}
