package dev.bulkhead.program;

import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.mock.PlausibleMocks;
import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bulkhead:protect} and {@code bulkhead:retiredProjects} as Pulumi sees them: the program runs under the mock
 * engine with a stack transformation that records, after every component's own transformations, the options each
 * resource is registered with.
 */
class ProtectedStateTest {

    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    private static final Set<String> STATEFUL = Set.of(
            "aws:ec2/vpc:Vpc::network-vpc",
            "aws:cloudwatch/logGroup:LogGroup::network-flow-logs",
            "aws:kms/key:Key::cluster-secrets",
            "aws:cloudwatch/logGroup:LogGroup::cluster-control-plane-logs",
            "aws:eks/cluster:Cluster::cluster",
            "aws:eks/nodeGroup:NodeGroup::cluster-nodes-general",
            "aws:s3/bucketV2:BucketV2::ingress-shop-alb-logs",
            "aws:lb/loadBalancer:LoadBalancer::ingress-shop");
    private static final Set<String> RETAINED = Set.of(
            "aws:cloudwatch/logGroup:LogGroup::network-flow-logs",
            "aws:cloudwatch/logGroup:LogGroup::cluster-control-plane-logs",
            "aws:s3/bucketV2:BucketV2::ingress-shop-alb-logs");

    /** What the recorder saw: {@code type::name} of the protected and of the retained resources. */
    private record Options(Set<String> protectedResources, Set<String> retained) {

        Set<String> protectedNamespaces() {
            Set<String> out = new TreeSet<>();
            protectedResources.stream().filter(k -> k.startsWith(NAMESPACE + "::"))
                    .forEach(k -> out.add(k.substring(k.lastIndexOf("-namespace-") + "-namespace-".length())));
            return out;
        }
    }

    @Test
    void aProtectedStackProtectsItsStatefulResourcesAndProjectNamespacesButNotARetiredProject() {
        Map<String, Object> config = LayerStacks.devConfig();
        config.put("bulkhead:protect", true);
        config.put("bulkhead:retiredProjects", List.of("analytics"));
        Options options = run(parse(config));

        Set<String> expected = new TreeSet<>(STATEFUL);
        for (String ns : List.of("shop-web", "shop-api", "shop-gateway", "billing")) {
            expected.add(NAMESPACE + "::" + findNamespace(options, ns));
        }
        assertEquals(expected, new TreeSet<>(options.protectedResources()));
        assertEquals(Set.of("billing", "shop-api", "shop-gateway", "shop-web"), options.protectedNamespaces(),
                "analytics is retired: its namespaces may be deleted; the platform's own are not project namespaces");
        assertEquals(RETAINED, options.retained());
    }

    @Test
    void developmentIsUnprotectedAndProductionProtectedByDefault() {
        assertEquals(Set.of(), run(Stacks.settings("dev")).protectedResources());
        Options prod = run(Stacks.settings("prod"));
        assertTrue(prod.protectedResources().containsAll(STATEFUL), prod::toString);
        assertEquals(Set.of("analytics", "analytics-jobs", "billing", "shop-api", "shop-gateway", "shop-web"),
                prod.protectedNamespaces());
    }

    @Test
    void productionCanTurnProtectionOffExplicitly() {
        Map<String, Object> config = LayerStacks.devConfig();
        config.put("bulkhead:environment", "production");
        config.put("bulkhead:protect", "false");
        assertEquals(Set.of(), run(parse(config)).protectedResources());
    }

    @Test
    void thePlatformLayerProtectsTheProjectNamespacesItCreatesForTheOperator() {
        Map<String, Object> config = LayerStacks.platformConfig();
        config.put("bulkhead:protect", true);
        config.put("bulkhead:retiredProjects", List.of("billing"));
        Options options = run(parse(config));
        assertEquals(Set.of("analytics", "analytics-jobs", "shop-api", "shop-gateway", "shop-web"),
                options.protectedNamespaces());
        assertTrue(options.protectedResources().containsAll(STATEFUL), options::toString);
    }

    @Test
    void withTheOperatorTheTeamsNamespacesAndStacksStayProtectedUntilRetiredWhateverProtectSays() {
        Map<String, Object> config = LayerStacks.platformConfig();
        config.put("bulkhead:protect", "false");
        config.put("bulkhead:retiredProjects", List.of("billing"));
        Options options = run(parse(config));
        assertEquals(Set.of("analytics", "analytics-jobs", "shop-api", "shop-gateway", "shop-web"),
                options.protectedNamespaces(), "billing is retired");
        Set<String> stacks = new TreeSet<>();
        options.protectedResources().stream().filter(k -> k.startsWith("kubernetes:pulumi.com/v1:Stack::"))
                .forEach(stacks::add);
        assertEquals(Set.of("kubernetes:pulumi.com/v1:Stack::operator-analytics-stack",
                "kubernetes:pulumi.com/v1:Stack::operator-shop-stack"), stacks);
        assertTrue(options.protectedResources().stream().noneMatch(k -> k.startsWith("aws:")),
                "the platform's own stateful resources follow bulkhead:protect: " + options.protectedResources());
    }

    private static String findNamespace(Options options, String namespace) {
        return options.protectedResources().stream().filter(k -> k.startsWith(NAMESPACE) && k.endsWith("-namespace-"
                + namespace)).map(k -> k.substring((NAMESPACE + "::").length())).findFirst().orElse("(missing) " + namespace);
    }

    private static StackSettings parse(Map<String, Object> config) {
        try {
            return SettingsParser.parse("dev", config);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Options run(StackSettings settings) {
        Set<String> protectedResources = new ConcurrentSkipListSet<>();
        Set<String> retained = new ConcurrentSkipListSet<>();
        ResourceTransformation recorder = args -> {
            String key = args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName();
            if (args.options().isProtect()) {
                protectedResources.add(key);
            }
            if (args.options().isRetainOnDelete()) {
                retained.add(key);
            }
            return Optional.empty();
        };
        try {
            TestResult result = PulumiTest.withMocks(new PlausibleMocks(settings.region()))
                    .withOptions(TestOptions.builder().projectName("bulkhead").stackName(settings.stack()).preview(false)
                            .resourceTransformations(List.of(recorder)).build())
                    .runTest(ctx -> BulkheadProgram.define(ctx, settings));
            if (!result.exceptions().isEmpty()) {
                throw new AssertionError("the program failed", result.exceptions().get(0));
            }
            return new Options(Set.copyOf(protectedResources), Set.copyOf(retained));
        } finally {
            PulumiTest.cleanup();
        }
    }
}
