package dev.bulkhead.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bulkhead.config.Fixtures.assertOnlyError;
import static dev.bulkhead.config.Fixtures.reference;
import static dev.bulkhead.config.Fixtures.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The monitoring namespace is the platform's own: never a namespace Kubernetes, Istio or another component owns. */
class PlatformNamespacesTest {

    private static final String MONITORING = "bulkhead:platform.monitoringNamespace";

    @Test
    void monitoringNamespaceCannotBeAnotherComponentsNamespace() {
        for (var owned : List.of(List.of("kube-system", "Kubernetes"), List.of("istio-system", "Istio"),
                List.of("bulkhead-egress", "the egress waypoint"), List.of("kyverno", "Kyverno"),
                List.of("pulumi-kubernetes-operator", "the Pulumi Kubernetes Operator"), List.of("default", "Kubernetes"))) {
            assertOnlyError(set(reference(), MONITORING, owned.get(0)), MONITORING,
                    "\"" + owned.get(0) + "\" belongs to " + owned.get(1), "must be one of its own, e.g. monitoring");
        }
    }

    @Test
    void monitoringNamespaceCannotBeAProjectsGatewayNamespace() {
        assertOnlyError(set(reference(), MONITORING, "shop-gateway"), "bulkhead:projects[0].name",
                "project \"shop\" gets the gateway namespace \"shop-gateway\", which is bulkhead:platform."
                        + "monitoringNamespace");
    }

    @Test
    void monitoringNamespaceCannotBeAProjectNamespace() {
        assertOnlyError(set(reference(), MONITORING, "billing"), "bulkhead:projects[1].namespaces[0]",
                "\"billing\" is reserved for the platform");
    }

    @Test
    void reservedNamespacesAreTheComponentsOwn() {
        assertEquals(List.of("default", "kube-system", "kube-public", "kube-node-lease", "istio-system",
                "bulkhead-system", "bulkhead-egress", "kyverno", "pulumi-kubernetes-operator"), ReservedNamespaces.ALWAYS);
    }
}
