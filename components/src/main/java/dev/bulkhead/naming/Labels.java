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
    /** The value of {@link #AMBIENT} that enrols a namespace in the ambient data plane. */
    public static final String AMBIENT_VALUE = "ambient";
    /** Pod Security admission: the level enforced, audited and warned about, each with its pinned version. */
    public static final String POD_SECURITY_ENFORCE = "pod-security.kubernetes.io/enforce";
    public static final String POD_SECURITY_ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";
    public static final String POD_SECURITY_AUDIT = "pod-security.kubernetes.io/audit";
    public static final String POD_SECURITY_AUDIT_VERSION = "pod-security.kubernetes.io/audit-version";
    public static final String POD_SECURITY_WARN = "pod-security.kubernetes.io/warn";
    public static final String POD_SECURITY_WARN_VERSION = "pod-security.kubernetes.io/warn-version";
    /** What a platform-managed namespace is for: {@link #ROLE_GATEWAY}, {@link #ROLE_EGRESS} or {@link #ROLE_MONITORING}. */
    public static final String ROLE = "bulkhead.dev/role";
    public static final String ROLE_GATEWAY = "gateway";
    public static final String ROLE_EGRESS = "egress";
    /** The namespace whose Prometheus may scrape projects; {@code check} finds it by this role. */
    public static final String ROLE_MONITORING = "monitoring";
    /** The value of {@link #COMPONENT} on everything the platform services generate. */
    public static final String COMPONENT_PLATFORM = "platform";
    /** The recommended application-name label; the monitoring namespace's Prometheus pods carry it. */
    public static final String APP_NAME = "app.kubernetes.io/name";
    /**
     * On the pods of an app whose callers are narrowed: {@link #TRUST_CALLERS} (only its listed callers) or
     * {@link #TRUST_WAYPOINT} (only through its waypoint). The project-wide NetworkPolicies select pods without it.
     */
    public static final String TRUST = "bulkhead.dev/trust";
    public static final String TRUST_CALLERS = "callers";
    public static final String TRUST_WAYPOINT = "waypoint";
    /** Lets the ingress gateway send a Service's traffic through the Service's waypoint (Istio ambient). */
    public static final String INGRESS_USE_WAYPOINT = "istio.io/ingress-use-waypoint";
    /** The value of {@link #APP_NAME} on the Prometheus pods projects admit; no tenant pod may wear it. */
    public static final String APP_NAME_PROMETHEUS = "prometheus";

    /** Annotation on a NetworkPolicy that admits every IPv4 address because config said {@code allowAny: true}. */
    public static final String ALLOW_ANY = "bulkhead.dev/allow-any";
    /** Annotations on an export's objects: the export's name, and the projects it is offered to (comma-separated). */
    public static final String EXPORT = "bulkhead.dev/export";
    public static final String CONSUMERS = "bulkhead.dev/consumers";
    /** Annotation on an egress object: the external host or CIDR with port it admits. */
    public static final String EGRESS_DESTINATION = "bulkhead.dev/egress";
    /** Routes a namespace's or a service's traffic through a waypoint (Istio ambient). */
    public static final String USE_WAYPOINT = "istio.io/use-waypoint";
    /** Says what traffic a waypoint handles: {@code service}, {@code workload}, {@code all}. */
    public static final String WAYPOINT_FOR = "istio.io/waypoint-for";

    private Labels() {
    }
}
