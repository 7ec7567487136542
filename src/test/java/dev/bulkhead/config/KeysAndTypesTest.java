package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.bulkhead.config.Fixtures.REMOVE;
import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unknown keys, missing keys, wrong types and the top level's namespaces. */
class KeysAndTypesTest {

    @Test
    void unknownNestedKeySuggestsTheClosestKnownKey() {
        Map<String, Object> config = reference();
        set(config, "bulkhead:network.availabilityZones", REMOVE);
        set(config, "bulkhead:network.availabilityZone", 3);
        assertOnlyError(config, "bulkhead:network.availabilityZone",
                "unknown key \"availabilityZone\"; did you mean \"availabilityZones\"? valid keys: cidr, availabilityZones, "
                        + "singleNatGateway, flowLogRetentionDays");
    }

    @Test
    void unknownKeyFarFromEveryKnownKeyListsThemWithoutSuggestion() {
        assertOnlyError(set(reference(), "bulkhead:projects[0].ingress.hostname", "x"), "bulkhead:projects[0].ingress.hostname",
                "unknown key \"hostname\"; valid keys: certificateArn, tlsPolicy, webAclArn, routes");
    }

    @Test
    void unknownBulkheadKeyAtTopLevelIsAnError() {
        Map<String, Object> config = reference();
        config.put("bulkhead:netwrok", Map.of());
        assertOnlyError(config, "bulkhead:netwrok", "did you mean \"bulkhead:network\"?");
    }

    @Test
    void misspeltBulkheadNamespaceIsAnError() {
        Map<String, Object> config = reference();
        config.put("bulkhaed:platform", Map.of());
        assertOnlyError(config, "bulkhaed:platform", "unknown namespace \"bulkhaed\"", "did you mean \"bulkhead:platform\"?");
    }

    @Test
    void otherNamespacesAreIgnored() {
        Map<String, Object> config = reference();
        config.put("pulumi:tags", Map.of("team", "platform"));
        config.put("kubernetes:context", "anything");
        config.put("aws:profile", 42);
        config.put("tls:whatever", true);
        assertEquals("eu-west-1", Fixtures.parse(config).region());
    }

    @Test
    void missingRequiredKeySaysWhatIsExpected() {
        assertOnlyError(set(reference(), "bulkhead:network.cidr", REMOVE), "bulkhead:network.cidr",
                "missing required key", "IPv4 CIDR", "10.40.0.0/16");
    }

    @Test
    void wrongTypeNamesTheTypeAndValue() {
        assertOnlyError(set(reference(), "bulkhead:network.availabilityZones", "3"),
                "bulkhead:network.availabilityZones", "expected an integer, got string \"3\"");
    }

    @Test
    void wrongTypeOfASectionIsOneError() {
        assertOnlyError(set(reference(), "bulkhead:cluster", "big"), "bulkhead:cluster",
                "expected a mapping with keys kubernetesVersion", "got string \"big\"");
    }

    @Test
    void booleanMustBeABoolean() {
        assertOnlyError(set(reference(), "bulkhead:network.singleNatGateway", "no"), "bulkhead:network.singleNatGateway",
                "expected true or false, got string \"no\"");
    }

    @Test
    void stringMustBeAString() {
        assertOnlyError(set(reference(), "bulkhead:cluster.nodeGroups[0].labels.tier", 1),
                "bulkhead:cluster.nodeGroups[0].labels[\"tier\"]", "expected a string, got number 1", "quote it");
    }

    @Test
    void integralDoubleIsAnInteger() {
        assertEquals(4, Fixtures.parse(set(reference(), "bulkhead:network.availabilityZones", 4.0))
                .network().availabilityZones());
    }

    @Test
    void regionIsRequiredAndChecked() {
        assertOnlyError(set(reference(), "aws:region", REMOVE), "aws:region", "missing required key", "eu-west-1");
        assertOnlyError(set(reference(), "aws:region", "Europe"), "aws:region",
                "\"Europe\" is not an AWS region name", "eu-west-1");
    }

    @Test
    void environmentIsDevelopmentOrProduction() {
        assertOnlyError(set(reference(), "bulkhead:environment", "producton"), "bulkhead:environment",
                "\"producton\" is not valid; did you mean \"production\"? use one of [development, production]");
    }
}
