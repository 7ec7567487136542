package dev.bulkhead.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Namespaces that belong to Kubernetes or to the platform itself and so can never be a project's: a project owning
 * one would sit inside the platform's trust boundary.
 */
final class ReservedNamespaces {

    /** Always reserved; {@code platform.monitoringNamespace} is added per stack. */
    static final List<String> ALWAYS = List.of(
            "default",
            "kube-system",
            "kube-public",
            "kube-node-lease",
            "istio-system",
            "bulkhead-system",
            "bulkhead-egress",
            "kyverno",
            "pulumi-kubernetes-operator");

    private ReservedNamespaces() {
    }

    /** The reserved namespaces of a stack whose monitoring namespace is {@code monitoringNamespace}. */
    static List<String> forStack(String monitoringNamespace) {
        List<String> all = new ArrayList<>(ALWAYS);
        if (monitoringNamespace != null && !all.contains(monitoringNamespace)) {
            all.add(monitoringNamespace);
        }
        return List.copyOf(all);
    }
}
