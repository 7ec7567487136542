package dev.bulkhead.isolation;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;
import dev.bulkhead.model.Layer;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One sealed namespace, created from its {@link CompartmentPlan} so that it is never open: the guards depend on the
 * namespace alone, and every other object depends on all the guards. Anything later placed in the namespace
 * (workloads, routes) should depend on {@link #guards()} too.
 *
 * <p>With the operator the plan is split between two stacks ({@link NamespaceCompartmentArgs#layer()}): the platform
 * stack creates the namespace with its guards and the platform's contents, and the project stack reads the
 * namespace and adds the project's own contents, which need nothing but the namespace (the guards are in place
 * before the project stack exists).
 */
public final class NamespaceCompartment extends ComponentResource {

    public static final String TYPE = "bulkhead:isolation:NamespaceCompartment";

    private final CompartmentPlan plan;
    private final CustomResource namespace;
    private final List<CustomResource> guards;
    private final List<CustomResource> contents;

    public NamespaceCompartment(String name, NamespaceCompartmentArgs args,
                                @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.plan = args.plan();
        var provider = args.provider();
        Layer layer = args.layer();
        this.namespace = layer == Layer.PROJECT
                ? Namespace.get(logicalName(name, plan.namespace()), Output.of(plan.namespace().name()),
                        KubernetesOptions.child(this, provider))
                : ManifestResources.create(logicalName(name, plan.namespace()), plan.namespace(),
                        KubernetesOptions.child(this, provider));
        List<CustomResource> createdGuards = new ArrayList<>();
        for (Manifest guard : layer == Layer.PROJECT ? List.<Manifest>of() : plan.guards()) {
            createdGuards.add(ManifestResources.create(logicalName(name, guard), guard,
                    KubernetesOptions.child(this, provider, List.of(namespace))));
        }
        this.guards = List.copyOf(createdGuards);
        List<Manifest> contents = switch (layer) {
            case ALL -> plan.contents();
            case PLATFORM -> plan.platformContents();
            case PROJECT -> plan.projectContents();
        };
        List<CustomResource> createdContents = new ArrayList<>();
        for (Manifest content : contents) {
            createdContents.add(ManifestResources.create(logicalName(name, content), content,
                    KubernetesOptions.child(this, provider, guards.isEmpty() ? List.of(namespace) : guards)));
        }
        this.contents = List.copyOf(createdContents);
        registerOutputs(Map.of("namespace", Output.of(plan.namespace().name())));
    }

    /** The Pulumi logical name of a manifest's resource: {@code <compartment>-<kind>-<name>}, unique per stack. */
    public static String logicalName(String compartment, Manifest manifest) {
        return compartment + "-" + manifest.kind().toLowerCase(Locale.ROOT) + "-" + manifest.name();
    }

    /** The namespace's name. */
    public String namespaceName() {
        return plan.namespace().name();
    }

    public CompartmentPlan plan() {
        return plan;
    }

    public CustomResource namespace() {
        return namespace;
    }

    /**
     * The resources that close the namespace; everything else in it must depend on them. Empty in a project
     * layer, whose namespace the platform stack sealed.
     */
    public List<CustomResource> guards() {
        return guards;
    }

    /** The namespace, the guards and the contents, as this stack registered them. */
    public List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        all.add(namespace);
        all.addAll(guards);
        all.addAll(contents);
        return List.copyOf(all);
    }

    /** Everything this stack created after the guards. */
    public List<CustomResource> contents() {
        return contents;
    }
}
