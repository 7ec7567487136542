package dev.bulkhead.operator;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import dev.bulkhead.netpol.Flow;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.network.SubnetPlan;
import dev.bulkhead.testing.LayerStacks;
import dev.bulkhead.testing.RenderedNetwork;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator namespace's NetworkPolicies in the rendered platform layer, flow by flow: the manager drives the
 * workspaces on their gRPC port only; workspaces reach the Kubernetes API, the git host and the state backend on
 * 443 and nothing else; nobody else reaches either.
 */
class OperatorNetworkTest {

    private static final String NS = OperatorChart.NAMESPACE;

    private final StackSettings platform = LayerStacks.platform();
    /** What the cluster holds once the platform stack and every project stack have run. */
    private final NetworkPolicyEvaluator evaluator = RenderedNetwork.evaluator(Stream.of("platform", "shop",
            "billing", "analytics").flatMap(layer -> LayerStacks.rendered(layer).stream()).toList());
    private final Pod manager = Pod.of(NS, OperatorChart.MANAGER_POD_LABELS);
    private final Pod shopWorkspace = workspace("shop");
    private final Pod billingWorkspace = workspace("billing");
    private final SubnetPlan subnets = SubnetPlan.of(platform.network().cidr(), platform.network().availabilityZones());
    /** An address inside the first private subnet, where EKS puts the private endpoint's interfaces. */
    private final External apiServer = new External(host(subnets.privateCidrs().get(0), 10));
    private final External kubernetesService = new External("172.20.0.1");
    private final External git = new External("140.82.113.4");
    private final External backend = new External("52.92.16.1");

    private static Pod workspace(String stack) {
        Map<String, String> labels = new HashMap<>(Workspaces.POD_LABELS);
        labels.put("auto.pulumi.com/workspace-name", stack);
        return Pod.of(NS, labels);
    }

    @Test
    void theManagerReachesWorkspacesOnTheirGrpcPortOnly() {
        assertTrue(evaluator.allows(Flow.tcp(manager, shopWorkspace, Workspaces.GRPC_PORT)),
                () -> evaluator.evaluate(Flow.tcp(manager, shopWorkspace, Workspaces.GRPC_PORT)).explain());
        for (int port : new int[]{22, 80, 443, 8080, 9090, 50052}) {
            assertFalse(evaluator.allows(Flow.tcp(manager, shopWorkspace, port)), "manager to workspace on " + port);
        }
    }

    @Test
    void nothingButTheManagerReachesAWorkspace() {
        assertFalse(evaluator.allows(Flow.tcp(billingWorkspace, shopWorkspace, Workspaces.GRPC_PORT)),
                "one project's workspace must not drive another's");
        assertFalse(evaluator.allows(Flow.tcp(Pod.of("shop-web"), shopWorkspace, Workspaces.GRPC_PORT)),
                "a project pod must not reach a workspace");
        assertFalse(evaluator.allows(Flow.tcp(Pod.of(NS), shopWorkspace, Workspaces.GRPC_PORT)),
                "an unlabelled pod in the operator namespace must not reach a workspace");
    }

    @Test
    void workspacesReachTheApiServerGitAndTheBackendOn443() {
        for (External to : new External[]{apiServer, kubernetesService, git, backend}) {
            assertTrue(evaluator.allows(Flow.tcp(shopWorkspace, to, 443)),
                    () -> evaluator.evaluate(Flow.tcp(shopWorkspace, to, 443)).explain());
            assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, to, 80)), "workspace to " + to.ip() + " on 80");
        }
        assertTrue(evaluator.allows(Flow.udp(shopWorkspace, Pod.of("kube-system", Map.of("k8s-app", "kube-dns")), 53)));
    }

    @Test
    void eachWorkspaceReachesOnlyItsOwnProjectsBackend() {
        External billingBackend = new External("3.5.141.7");
        assertTrue(evaluator.allows(Flow.tcp(billingWorkspace, billingBackend, 443)),
                () -> evaluator.evaluate(Flow.tcp(billingWorkspace, billingBackend, 443)).explain());
        assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, billingBackend, 443)),
                "shop's workspace must not reach billing's state backend");
        assertFalse(evaluator.allows(Flow.tcp(billingWorkspace, backend, 443)),
                "billing's workspace must not reach the backend the others use");
        assertTrue(evaluator.allows(Flow.tcp(billingWorkspace, git, 443)));
    }

    @Test
    void onlyAProjectThatFetchesDependenciesReachesMaven() {
        External maven = new External("151.101.12.209");
        assertTrue(evaluator.allows(Flow.tcp(workspace("analytics"), maven, 443)),
                () -> evaluator.evaluate(Flow.tcp(workspace("analytics"), maven, 443)).explain());
        assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, maven, 443)), "shop's image holds its dependencies");
        assertFalse(evaluator.allows(Flow.tcp(billingWorkspace, maven, 443)));
    }

    @Test
    void aWorkspaceOfAnUnknownStackReachesNothingOutside() {
        Pod stranger = workspace("not-a-project");
        for (External to : new External[]{apiServer, git, backend}) {
            assertFalse(evaluator.allows(Flow.tcp(stranger, to, 443)), "unknown workspace to " + to.ip());
        }
    }

    @Test
    void workspacesDoNotReachTheInternetAtLarge() {
        for (String ip : new String[]{"8.8.8.8", "1.1.1.1", "104.16.0.1"}) {
            assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, new External(ip), 443)), "workspace to " + ip);
        }
        assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, new External(host(subnets.publicCidrs().get(0), 10)), 443)),
                "the public (ALB) subnets are not the API server");
    }

    @Test
    void workspacesDoNotReachProjectPodsEvenInsideTheApiServerRange() {
        // The API range is the private subnets, which pods share: the project's own default deny refuses the flow.
        Pod storefront = Pod.of("shop-web").withIp(host(subnets.privateCidrs().get(1), 77));
        assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, storefront, 443)),
                () -> evaluator.evaluate(Flow.tcp(shopWorkspace, storefront, 443)).explain());
        assertFalse(evaluator.allows(Flow.tcp(shopWorkspace, storefront, 8080)));
    }

    @Test
    void theManagerReachesTheApiAndGitButNotTheBackendOrTheInternet() {
        assertTrue(evaluator.allows(Flow.tcp(manager, apiServer, 443)));
        assertTrue(evaluator.allows(Flow.tcp(manager, git, 443)));
        assertFalse(evaluator.allows(Flow.tcp(manager, backend, 443)), "the backend is the workspaces' business");
        assertFalse(evaluator.allows(Flow.tcp(manager, new External("8.8.8.8"), 443)));
    }

    @Test
    void splittingIntoLayersKeepsTheCompartments() {
        // the same flows as in the all-in-one dev stack, now from the platform's namespaces and the projects' policies
        assertTrue(evaluator.allows(Flow.tcp(Pod.of("shop-web"), Pod.of("shop-api"), 8080)));
        assertFalse(evaluator.allows(Flow.tcp(Pod.of("shop-web"), Pod.of("billing"), 8080)));
        assertFalse(evaluator.allows(Flow.tcp(Pod.of("analytics"), Pod.of("shop-api"), 8080)));
    }

    private static String host(String cidr, int offset) {
        String[] parts = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + offset);
    }
}
