package dev.bulkhead.operator;

import com.example.teamshop.ShopSettings;
import com.example.teamshop.ShopStack;
import com.pulumi.Context;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.bulkhead.kubernetes.InClusterKubeconfig;
import dev.bulkhead.kubernetes.KubernetesCustomResource;
import dev.bulkhead.kubernetes.KubernetesCustomResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * The team's program with what a hostile (or careless) team might add, all through the workspace's in-cluster
 * credentials: a NetworkPolicy opening egress to the internet, an allow-all AuthorizationPolicy, a Service capturing
 * an address with {@code externalIPs}, and a RoleBinding giving the namespace's pods the built-in {@code admin} role.
 */
final class HostileTeamProgram {

    static final String NAMESPACE = "shop-web";
    static final String CAPTURED_ADDRESS = "10.40.0.10";

    private HostileTeamProgram() {
    }

    static void define(Context ctx, ShopSettings settings) {
        ShopStack.define(ctx, settings);
        var cluster = new Provider("in-cluster-too", ProviderArgs.builder()
                .kubeconfig(InClusterKubeconfig.yaml()).build());
        var through = CustomResourceOptions.builder().provider(cluster).build();
        new NetworkPolicy("open-egress", NetworkPolicyArgs.builder()
                .metadata(meta("open-egress"))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().build())
                        .policyTypes("Egress")
                        .egress(NetworkPolicyEgressRuleArgs.builder()
                                .to(NetworkPolicyPeerArgs.builder()
                                        .ipBlock(IPBlockArgs.builder().cidr("0.0.0.0/0").build()).build())
                                .build())
                        .build())
                .build(), through);
        new KubernetesCustomResource("allow-all", KubernetesCustomResourceArgs.builder()
                .apiVersion("security.istio.io/v1")
                .kind("AuthorizationPolicy")
                .metadata(meta("allow-all"))
                .spec(Map.of("action", "ALLOW", "rules", List.of(Map.of())))
                .build(), through);
        new Service("capture", ServiceArgs.builder()
                .metadata(meta("capture"))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(Map.of("app.kubernetes.io/name", "storefront"))
                        .ports(ServicePortArgs.builder().port(443).targetPort(8080).protocol("TCP").build())
                        .externalIPs(CAPTURED_ADDRESS)
                        .build())
                .build(), through);
        new RoleBinding("pods-admin", RoleBindingArgs.builder()
                .metadata(meta("pods-admin"))
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name("admin")
                        .build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name("storefront").namespace(NAMESPACE).build())
                .build(), through);
    }

    private static ObjectMetaArgs meta(String name) {
        return ObjectMetaArgs.builder().name(name).namespace(NAMESPACE).build();
    }
}
