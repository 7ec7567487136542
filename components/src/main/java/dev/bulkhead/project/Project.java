package dev.bulkhead.project;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.naming.Labels;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's sealed compartment: its namespaces, default-deny networking, mesh identity and authorization.
 */
public final class Project extends ComponentResource {

    public static final String TYPE = "bulkhead:project:Project";

    private final List<String> namespaces;

    public Project(String name, ProjectArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var spec = args.spec();
        List<String> created = new ArrayList<>();
        for (String ns : spec.namespaces()) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Labels.PROJECT, spec.name());
            labels.put(Labels.AMBIENT, "ambient");
            labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
            var namespace = new Namespace(name + "-" + ns, NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(ns).labels(labels).build())
                    .build(), KubernetesOptions.child(this, args.provider()));
            new NetworkPolicy(name + "-" + ns + "-default-deny", NetworkPolicyArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("default-deny").namespace(ns).build())
                    .spec(NetworkPolicySpecArgs.builder()
                            .podSelector(LabelSelectorArgs.builder().build())
                            .policyTypes("Ingress", "Egress")
                            .build())
                    .build(), KubernetesOptions.child(this, args.provider(), List.of(namespace)));
            created.add(ns);
        }
        this.namespaces = List.copyOf(created);
        registerOutputs(Map.of("namespaces", Output.of(namespaces)));
    }

    /** The names of the project's namespaces. */
    public List<String> namespaces() {
        return namespaces;
    }
}
