package dev.bulkhead.isolation;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.netpol.Endpoint.External;
import dev.bulkhead.netpol.Endpoint.Pod;
import dev.bulkhead.netpol.NetworkPolicyEvaluator;
import dev.bulkhead.netpol.Protocol;
import dev.bulkhead.testing.FlowAssertions;
import dev.bulkhead.testing.RenderedNetwork;
import dev.bulkhead.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The connectivity matrix of the dev stack's three projects, computed with the NetworkPolicy evaluator over the
 * rendered policies: what the compartments promise, flow by flow.
 */
class ProjectConnectivityTest {

    private static final int APP_PORT = 8080;
    private static final int HBONE = 15008;
    private static final List<Integer> PROBED_PORTS = List.of(APP_PORT, HBONE, 53, 443, 15020, 5432);

    private final StackSettings settings = Stacks.settings("dev");
    private final NetworkPolicyEvaluator evaluator = RenderedNetwork.evaluator(Stacks.rendered("dev"));
    private final FlowAssertions flows = new FlowAssertions(evaluator);

    @Test
    void theDevStackHasThreeProjects() {
        assertEquals(List.of("shop", "billing", "analytics"), settings.projects().stream().map(ProjectSpec::name).toList());
    }

    @Test
    void podsOfOneProjectReachEachOtherOnAppPortsAndHbone() {
        for (ProjectSpec project : settings.projects()) {
            for (String from : project.namespaces()) {
                for (String to : project.namespaces()) {
                    flows.assertAllowed(Pod.of(from), Pod.of(to), APP_PORT, Protocol.TCP);
                    flows.assertAllowed(Pod.of(from), Pod.of(to), HBONE, Protocol.TCP);
                }
            }
        }
    }

    @Test
    void noProjectReachesAnotherOnAnyProbedPort() {
        for (ProjectSpec a : settings.projects()) {
            for (ProjectSpec b : settings.projects()) {
                if (a.equals(b)) {
                    continue;
                }
                for (String from : a.namespaces()) {
                    for (String to : b.namespaces()) {
                        for (int port : PROBED_PORTS) {
                            flows.assertDenied(Pod.of(from), Pod.of(to), port, Protocol.TCP);
                        }
                        flows.assertDenied(Pod.of(from), Pod.of(to), 53, Protocol.UDP);
                    }
                }
            }
        }
    }

    @Test
    void everyProjectPodResolvesNamesThroughKubeDnsOnly() {
        Pod kubeDns = Pod.of("kube-system", Map.of("k8s-app", "kube-dns"));
        Pod otherSystemPod = Pod.of("kube-system", Map.of("k8s-app", "metrics-server"));
        for (String ns : allProjectNamespaces()) {
            flows.assertAllowed(Pod.of(ns), kubeDns, 53, Protocol.UDP);
            flows.assertAllowed(Pod.of(ns), kubeDns, 53, Protocol.TCP);
            flows.assertDenied(Pod.of(ns), kubeDns, 443, Protocol.TCP);
            flows.assertDenied(Pod.of(ns), otherSystemPod, 53, Protocol.UDP);
        }
    }

    @Test
    void theInternetIsDeniedBothWays() {
        External internet = new External("198.51.100.10");
        for (String ns : allProjectNamespaces()) {
            for (int port : PROBED_PORTS) {
                flows.assertDenied(Pod.of(ns), internet, port, Protocol.TCP);
                flows.assertDenied(internet, Pod.of(ns), port, Protocol.TCP);
            }
        }
    }

    @Test
    void kubeletProbesSnatedByAmbientAreAdmitted() {
        External probes = new External("169.254.7.127");
        External neighbour = new External("169.254.7.126");
        for (String ns : allProjectNamespaces()) {
            flows.assertAllowed(probes, Pod.of(ns), APP_PORT, Protocol.TCP);
            flows.assertDenied(neighbour, Pod.of(ns), APP_PORT, Protocol.TCP);
        }
    }

    @Test
    void monitoringScrapesOnlyOnMetricsPortsAndOnlyFromPrometheus() {
        String monitoring = settings.platform().monitoringNamespace();
        Pod prometheus = Pod.of(monitoring, Map.of("app.kubernetes.io/name", "prometheus"));
        Pod grafana = Pod.of(monitoring, Map.of("app.kubernetes.io/name", "grafana"));
        for (ProjectSpec project : settings.projects()) {
            for (String ns : project.namespaces()) {
                for (int metricsPort : project.metricsPorts()) {
                    flows.assertAllowed(prometheus, Pod.of(ns), metricsPort, Protocol.TCP);
                    flows.assertDenied(grafana, Pod.of(ns), metricsPort, Protocol.TCP);
                }
                flows.assertDenied(prometheus, Pod.of(ns), APP_PORT, Protocol.TCP);
                flows.assertDenied(prometheus, Pod.of(ns), 5432, Protocol.TCP);
            }
        }
    }

    @Test
    void namespacesOutsideEveryProjectGetNothing() {
        for (String outsider : List.of("default", "kube-system", "istio-system")) {
            for (String ns : allProjectNamespaces()) {
                flows.assertDenied(Pod.of(outsider), Pod.of(ns), APP_PORT, Protocol.TCP);
                flows.assertDenied(Pod.of(outsider), Pod.of(ns), HBONE, Protocol.TCP);
            }
        }
    }

    private List<String> allProjectNamespaces() {
        return settings.projects().stream().flatMap(p -> p.namespaces().stream()).toList();
    }
}
