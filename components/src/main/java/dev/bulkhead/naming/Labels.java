package dev.bulkhead.naming;

/** Label and annotation keys Bulkhead puts on cluster objects, and the values it trusts in selectors. */
public final class Labels {

    /** The project a namespace belongs to; NetworkPolicies select a project's namespaces by it. */
    public static final String PROJECT = "bulkhead.dev/project";
    /** Set on every object Bulkhead creates. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "bulkhead";
    /** The component that generated an object (e.g. {@code isolation}, {@code ingress}). */
    public static final String COMPONENT = "bulkhead.dev/component";
    /** The name Kubernetes gives every namespace as a label. */
    public static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
    /** Puts a namespace's pods in the Istio ambient mesh. */
    public static final String AMBIENT = "istio.io/dataplane-mode";

    private Labels() {
    }
}
