package dev.bulkhead.ingress;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import java.util.List;
import java.util.Map;

/**
 * The certificate the project's gateway presents to its ALB (the second TLS leg): an ECDSA P-256 key and a
 * self-signed certificate for the gateway Service's in-cluster names, valid {@value #VALIDITY_HOURS} hours and
 * replaced by {@code pulumi up} once fewer than {@value #EARLY_RENEWAL_HOURS} hours remain, stored as the
 * {@code kubernetes.io/tls} Secret the Gateway's HTTPS listeners name. ALBs do not validate target certificates,
 * so a self-signed one is what this leg needs; what it buys is encryption between the ALB and the pod.
 */
final class GatewayCertificate {

    static final int VALIDITY_HOURS = 90 * 24;
    static final int EARLY_RENEWAL_HOURS = 30 * 24;

    private final Secret secret;

    GatewayCertificate(String name, String project, Provider provider, List<Resource> gatewayGuards, Resource parent) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        var key = new TlsPrivateKey(name, options);
        String namespace = Names.gatewayNamespace(project);
        String service = GatewayApi.serviceName(project);
        var cert = new TlsSelfSignedCert(name, key.privateKeyPem(), service + "." + namespace + ".svc",
                List.of(service + "." + namespace + ".svc", service + "." + namespace + ".svc.cluster.local"),
                VALIDITY_HOURS, EARLY_RENEWAL_HOURS, options);
        this.secret = new Secret(name, SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(GatewayApi.tlsSecretName(project))
                        .namespace(namespace)
                        .labels(ProjectEdge.labels(project, GatewayObjects.COMPONENT))
                        .build())
                .type("kubernetes.io/tls")
                .stringData(Output.tuple(cert.certPem(), key.privateKeyPem())
                        .applyValue(t -> Map.of("tls.crt", t.t1, "tls.key", t.t2))
                        .asSecret())
                .build(), CustomResourceOptions.builder().parent(parent).provider(provider)
                .dependsOn(gatewayGuards).build());
    }

    Secret secret() {
        return secret;
    }
}
