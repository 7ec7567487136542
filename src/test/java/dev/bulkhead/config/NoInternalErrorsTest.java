package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.map;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Values the components would refuse with an exception, or that would make two resources of one name, are refused by
 * the config first, with the key, the value and what is valid.
 */
class NoInternalErrorsTest {

    @Test
    void principalsWithCharactersIamRefusesAreConfigErrors() {
        for (String arn : List.of("arn:aws:iam::111122223333:user/bob smith", "arn:aws:iam::111122223333:user/bob#1",
                "arn:aws:iam::111122223333:role/", "arn:aws:iam::111122223333:user/" + "x".repeat(65),
                "arn:aws:iam::111122223333:user/team//bob")) {
            assertOnlyError(set(reference(), "bulkhead:projects[0].developers[0]", arn),
                    "bulkhead:projects[0].developers[0]", "is not an IAM principal ARN", "at most 64 letters");
        }
        assertEquals(List.of("arn:aws:iam::111122223333:user/team/bob.smith+ops@acme"), Fixtures.parse(set(reference(),
                "bulkhead:projects[0].developers[0]", "arn:aws:iam::111122223333:user/team/bob.smith+ops@acme"))
                .projects().get(0).developers());
    }

    @Test
    void projectsWhoseNamespacesWouldShareAComponentNameAreRefused() {
        var config = reference();
        config.put("bulkhead:projects", list(
                map("name", "a", "namespaces", list("b-c")),
                map("name", "a-b", "namespaces", list("c"))));
        assertOnlyError(config, "bulkhead:projects[1].namespaces[0]",
                "project \"a-b\" namespace \"c\" and project \"a\" namespace \"b-c\" would both be the component "
                        + "\"project-a-b-c\"");
    }

    @Test
    void aNamespaceNamedLikeAnotherProjectsGatewayComponentIsRefused() {
        var config = reference();
        config.put("bulkhead:projects", list(
                map("name", "a", "namespaces", list("a-web"), "exports", list(map("name", "api", "service", "a-web/api",
                        "port", 80, "consumers", list("a-a")))),
                map("name", "a-a", "namespaces", list("gateway"))));
        assertOnlyError(config, "bulkhead:projects[1].namespaces[0]", "would both be the component \"project-a-a-gateway\"");
    }

    @Test
    void hostsThatOnlyDifferInDotsAndDashesOrAWildcardGetTheirOwnNames() {
        var config = set(reference(), "bulkhead:projects[0].egress", list(
                map("host", "api.stripe.com", "port", 443), map("host", "api-stripe.com", "port", 443),
                map("host", "*.example.com", "port", 443), map("host", "wildcard.example.com", "port", 443)));
        assertEquals(4, Fixtures.parse(config).projects().get(0).egress().size());
    }

    @Test
    void exportsWhoseNamesGiveOnePortAreRefused() {
        String first = "orders";
        String second = null;
        for (int i = 0; second == null; i++) {
            if (dev.bulkhead.ingress.GatewayPorts.export("e" + i) == dev.bulkhead.ingress.GatewayPorts.export(first)) {
                second = "e" + i;
            }
        }
        var config = set(reference(), "bulkhead:projects[0].exports[1]", map("name", second, "service",
                "shop-api/orders", "port", 8080, "consumers", list("billing")));
        assertOnlyError(config, "bulkhead:projects[0].exports[1].name", "exports \"orders\" and \"" + second
                + "\" would both listen on gateway port " + dev.bulkhead.ingress.GatewayPorts.export(first), "rename one");
    }

    @Test
    void aRootWithNothingToNarrowItToIsAConfigErrorNotAnException() {
        var config = set(reference(), "bulkhead:access.allowAccountRoot", true);
        set(config, "bulkhead:projects[0].developers[0]", "arn:aws:iam::444455556666:root");
        assertOnlyError(config, "bulkhead:projects[0].developers", "the trust policy of the developer role of project "
                + "\"shop\" cannot be written", "no user or role of account 444455556666");
    }

    @Test
    void credentialsInValuesAreNeverEchoed() {
        var config = reference();
        config.put("bulkhead:layer", "platform");
        config.put("bulkhead:operator", map("enabled", true,
                "repository", "https://deploy:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/platform.git",
                "stateBackend", "s3://acme-state?access_key=AKIAIOSFODNN7EXAMPLE&secret_key=wJalrXUtnFEMI",
                "gitCidrs", list("140.82.112.0/20"), "backendCidrs", list("52.92.0.0/17")));
        String message = new ConfigException(Fixtures.errors(config)).getMessage();
        assertFalse(message.contains("ghp_abcdefghijklmnopqrstuvwxyz0123456789"), message);
        assertFalse(message.contains("deploy:"), message);
        assertEquals(List.of("bulkhead:operator.repository"), Fixtures.errors(config).stream().map(ConfigError::path)
                .toList(), message);
        assertEquals("\"https://<redacted>@github.com/x?token=<redacted>&page=2 <redacted>\"",
                ConfigReader.quote("https://u:p@github.com/x?token=abc&page=2 AKIAIOSFODNN7EXAMPLE"));
    }
}
