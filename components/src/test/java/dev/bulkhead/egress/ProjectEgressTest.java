package dev.bulkhead.egress;

import dev.bulkhead.isolation.Compartment;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A narrow CIDR rule is cut by the never-outside ranges exactly as an allow-any rule is. */
class ProjectEgressTest {

    private static final EgressContext CONTEXT = new EgressContext(false, List.of("10.40.0.0/16", "172.20.0.0/16"));

    @Test
    void aBlockThatContainsANeverOutsideRangeExceptsIt() {
        assertEquals(Map.of("cidr", "100.0.0.0/8", "except", List.of("100.64.0.0/10")),
                block(new EgressRule.Cidr("100.0.0.0/8", 443, false)));
        assertEquals(Map.of("cidr", "169.0.0.0/8", "except", List.of("169.254.0.0/16")),
                block(new EgressRule.Cidr("169.0.0.0/8", 443, false)));
        assertEquals(Map.of("cidr", "116.203.255.68/32"), block(new EgressRule.Cidr("116.203.255.68/32", 443, false)),
                "a block that contains none of them is left whole");
    }

    @Test
    void aPublicClusterRangeIsCutToo() {
        EgressContext publicVpc = new EgressContext(false, List.of("52.40.0.0/16"));
        List<Manifest> policies = ProjectEgress.of(compartment(List.of(new EgressRule.Cidr("52.0.0.0/8", 443, false))),
                List.of(new EgressRule.Cidr("52.0.0.0/8", 443, false)), publicVpc);
        assertEquals(Map.of("cidr", "52.0.0.0/8", "except", List.of("52.40.0.0/16")), ipBlock(policies.get(0)));
    }

    private static Map<?, ?> block(EgressRule.Cidr rule) {
        List<Manifest> policies = ProjectEgress.of(compartment(List.of(rule)), List.of(rule), CONTEXT);
        assertEquals(1, policies.size());
        assertEquals(ProjectEgress.TO_CIDRS, policies.get(0).name());
        return ipBlock(policies.get(0));
    }

    private static Map<?, ?> ipBlock(Manifest policy) {
        var egress = (List<?>) policy.spec().get("egress");
        var to = (List<?>) ((Map<?, ?>) egress.get(0)).get("to");
        return (Map<?, ?>) ((Map<?, ?>) to.get(0)).get("ipBlock");
    }

    private static Compartment compartment(List<EgressRule> rules) {
        ProjectSpec spec = new ProjectSpec("shop", List.of("shop"), List.of(), Optional.empty(), List.of(), rules,
                QuotaSpec.defaults(), List.of(15020));
        return Compartment.of(spec, new PlatformSpec("cluster.local", "monitoring", List.of()), "shop");
    }
}
