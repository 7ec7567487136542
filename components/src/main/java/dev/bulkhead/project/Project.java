package dev.bulkhead.project;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.access.DeveloperBinding;
import dev.bulkhead.egress.EgressContext;
import dev.bulkhead.egress.ProjectEgress;
import dev.bulkhead.ingress.IngressPlans;
import dev.bulkhead.ingress.ProjectEdge;
import dev.bulkhead.isolation.Compartment;
import dev.bulkhead.isolation.CompartmentPlan;
import dev.bulkhead.isolation.NamespaceCompartment;
import dev.bulkhead.isolation.NamespaceCompartmentArgs;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.naming.Names;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's sealed compartment: each of its namespaces labelled with the project, closed by default-deny
 * networking, STRICT mTLS and an allow-nothing authorization baseline, then opened only to the project's own
 * namespaces, DNS, what the ambient mesh needs, and the platform's metrics scraper.
 */
public final class Project extends ComponentResource {

    public static final String TYPE = "bulkhead:project:Project";

    private final List<NamespaceCompartment> compartments;

    public Project(String name, ProjectArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        List<NamespaceCompartment> created = new ArrayList<>();
        for (CompartmentPlan plan : plans(edge(args), args.egress())) {
            if (args.layer() == Layer.PROJECT && plan.projectContents().isEmpty()) {
                continue; // a namespace that holds nothing of the project's own, such as its gateway's
            }
            created.add(new NamespaceCompartment(Names.compartment(name, plan.namespace().name()),
                    NamespaceCompartmentArgs.builder().plan(plan).provider(args.provider())
                            .layer(args.layer()).build(),
                    ComponentResourceOptions.builder().parent(this).build()));
        }
        this.compartments = List.copyOf(created);
        registerOutputs(Map.of("namespaces", Output.of(namespaces())));
    }

    /** The compartment plan of each of the project's namespaces, in config order; creates nothing. */
    public static List<CompartmentPlan> plans(ProjectSpec spec, PlatformSpec platform) {
        return plans(new ProjectEdge(spec, platform, List.of(spec), List.of()), EgressContext.closed());
    }

    /**
     * The compartment plan of each of the project's namespaces in config order, each with what it holds for the
     * project's gateway, the exports it consumes, its ways out and its developers' access, then the gateway
     * namespace's if the project has one (where developers have no access).
     */
    public static List<CompartmentPlan> plans(ProjectEdge edge, EgressContext egress) {
        List<CompartmentPlan> plans = new ArrayList<>();
        for (String namespace : edge.project().namespaces()) {
            Compartment c = Compartment.of(edge.project(), edge.platform(), namespace);
            plans.add(CompartmentPlan.of(c)
                    .withContents(IngressPlans.workloadNamespace(edge, namespace))
                    .withContents(ProjectEgress.of(c, edge.project().egressRules(), egress))
                    .withContents(List.of(DeveloperBinding.of(edge.project().name(), namespace))));
        }
        IngressPlans.gateway(edge).ifPresent(plans::add);
        return List.copyOf(plans);
    }

    private static ProjectEdge edge(ProjectArgs args) {
        List<ProjectSpec> all = args.allProjects().isEmpty() ? List.of(args.spec()) : args.allProjects();
        return new ProjectEdge(args.spec(), args.platform(), all, args.publicSubnetCidrs());
    }

    /**
     * Every Kubernetes object the project's compartments consist of, as plain data ({@link Manifest#toMap()} gives
     * the object as the API server reads it); creates nothing. This is what connectivity checks evaluate.
     */
    public static List<Manifest> manifests(ProjectSpec spec, PlatformSpec platform) {
        return plans(spec, platform).stream().flatMap(plan -> plan.all().stream()).toList();
    }

    /** The compartment of the project's gateway namespace, if it has one (ingress or exports). */
    public Optional<NamespaceCompartment> gatewayCompartment() {
        return compartments.stream()
                .filter(c -> Labels.ROLE_GATEWAY.equals(c.plan().namespace().labels().get(Labels.ROLE)))
                .findFirst();
    }

    /** The names of the project's namespaces. */
    public List<String> namespaces() {
        return compartments.stream().map(NamespaceCompartment::namespaceName).toList();
    }

    /** One compartment per namespace, in config order. */
    public List<NamespaceCompartment> compartments() {
        return compartments;
    }

    /** Every resource this project's compartments registered, namespace by namespace. */
    public List<Resource> resources() {
        return compartments.stream().flatMap(c -> c.resources().stream()).toList();
    }

    /** Every object of this project's compartments as plain data, whichever layer creates it. */
    public List<Manifest> manifests() {
        return compartments.stream().flatMap(c -> c.plan().all().stream()).toList();
    }
}
