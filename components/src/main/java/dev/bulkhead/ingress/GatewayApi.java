package dev.bulkhead.ingress;

import dev.bulkhead.naming.Names;

/** Gateway API kinds and versions, and the names Istio derives from a project's {@code Gateway}. */
public final class GatewayApi {

    public static final String GROUP = "gateway.networking.k8s.io";
    public static final String V1 = GROUP + "/v1";
    public static final String V1BETA1 = GROUP + "/v1beta1";
    public static final String GATEWAY = "Gateway";
    public static final String HTTP_ROUTE = "HTTPRoute";
    public static final String REFERENCE_GRANT = "ReferenceGrant";
    public static final String GATEWAY_CLASS = "istio";
    /** Istio reads this Gateway annotation to choose the type of the Service it creates. */
    public static final String SERVICE_TYPE_ANNOTATION = "networking.istio.io/service-type";

    private GatewayApi() {
    }

    /** The project's Gateway, named like its namespace: {@code <project>-gateway}. */
    public static String gatewayName(String project) {
        return Names.gatewayNamespace(project);
    }

    /** The Service Istio creates for the Gateway: {@code <gateway>-<class>}. */
    public static String serviceName(String project) {
        return gatewayName(project) + "-" + GATEWAY_CLASS;
    }

    /** The Secret holding the certificate the gateway presents to the ALB. */
    public static String tlsSecretName(String project) {
        return Names.kubernetes(project, "gateway-tls");
    }
}
