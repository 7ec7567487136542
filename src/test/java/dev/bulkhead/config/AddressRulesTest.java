package dev.bulkhead.config;

import dev.bulkhead.model.EgressRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.list;
import static dev.bulkhead.config.Fixtures.map;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Address ranges that would open more than they say: wide blocks, non-internet space, a public VPC. */
class AddressRulesTest {

    private static final String RULE = "bulkhead:projects[0].egress[1]";

    @Test
    void aWideBlockNeedsAllowAnyAsTheWholeInternetDoes() {
        assertOnlyError(set(reference(), RULE + ".cidr", "64.0.0.0/2"), RULE + ".cidr",
                "\"64.0.0.0/2\" covers 1/4 of all IPv4 addresses", "each at most a /8",
                "or write 0.0.0.0/0 with allowAny: true");
        assertOnlyError(set(reference(), RULE + ".cidr", "128.0.0.0/1"), RULE + ".cidr", "covers 1/2 of all IPv4");
        assertEquals(new EgressRule.Cidr("52.0.0.0/8", 443, false),
                Fixtures.parse(set(reference(), RULE + ".cidr", "52.0.0.0/8")).projects().get(0).egress().get(1));
    }

    @Test
    void linkLocalAndOtherNonInternetSpaceIsRefused() {
        for (var c : List.of(List.of("169.254.169.254/32", "169.254.0.0/16"), List.of("169.254.170.23/32", "169.254.0.0/16"),
                List.of("127.0.0.1/32", "127.0.0.0/8"), List.of("100.64.1.0/24", "100.64.0.0/10"),
                List.of("192.168.1.0/24", "192.168.0.0/16"), List.of("239.1.2.3/32", "224.0.0.0/4"))) {
            assertOnlyError(set(reference(), RULE + ".cidr", c.get(0)), RULE + ".cidr",
                    "\"" + c.get(0) + "\" lies in " + c.get(1) + ", which is not the internet");
        }
    }

    @Test
    void aPublicVpcCidrIsRefused() {
        assertOnlyError(set(reference(), "bulkhead:network.cidr", "52.40.0.0/16"), "bulkhead:network.cidr",
                "\"52.40.0.0/16\" is not private address space", "10.40.0.0/16");
        assertEquals("172.31.0.0/16", Fixtures.parse(set(set(reference(), "bulkhead:network.cidr", "172.31.0.0/16"),
                "bulkhead:cluster.serviceCidr", "10.100.0.0/16")).network().cidr());
    }

    @Test
    void operatorNetworksMustStayAFewHostsRanges() {
        var halves = operator(list("0.0.0.0/1"), list("128.0.0.0/1"));
        List<ConfigError> errors = Fixtures.errors(halves);
        assertEquals(List.of("bulkhead:operator.gitCidrs[0]", "bulkhead:operator.backendCidrs[0]"),
                errors.stream().map(ConfigError::path).toList(), errors::toString);
        errors.forEach(e -> Fixtures.assertError(e, e.path(), "covers 1/2 of all IPv4 addresses"));

        List<Object> many = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            many.add(i * 20 + ".0.0.0/8");
        }
        assertOnlyError(operator(many, list("52.216.0.0/15")), "bulkhead:operator",
                "together cover 50462720 addresses, more than a /8");

        assertOnlyError(operator(list("169.254.169.254/32"), list("52.216.0.0/15")), "bulkhead:operator.gitCidrs[0]",
                "is link-local, loopback or reserved space");
        Fixtures.parse(operator(list("140.82.112.0/20", "10.20.0.0/16"), list("52.216.0.0/15")));
    }

    private static java.util.Map<String, Object> operator(List<Object> git, List<Object> backend) {
        var config = reference();
        config.put("bulkhead:layer", "platform");
        config.put("bulkhead:operator", map("enabled", true, "repository", "https://github.com/acme/platform.git",
                "stateBackend", "s3://acme-state", "gitCidrs", git, "backendCidrs", backend));
        return config;
    }
}
