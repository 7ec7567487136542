package dev.bulkhead.operator;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.ingress.ProjectEdge;
import dev.bulkhead.isolation.CompartmentPlan;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.project.Project;
import dev.bulkhead.protection.Protection;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Pulumi Kubernetes Operator in its sealed namespace, and for each project the workspace identity, RBAC and
 * egress, and the {@code Stack} that reconciles the project's own stack from git (this program's project layer, or the
 * team's own program). The project's namespaces are not created here: the platform stack creates them sealed (guards,
 * perimeter, developer access, its apps' policies) before any Stack exists, and the Stack waits for them
 * ({@link PulumiOperatorArgs#projectsSealed()}). A project's Stack is protected like its namespaces
 * ({@link PulumiOperatorArgs#protectedStacks()}).
 */
public final class PulumiOperator extends ComponentResource {

    public static final String TYPE = "bulkhead:operator:PulumiOperator";
    /** The value of {@link Labels#COMPONENT} on everything generated here. */
    public static final String COMPONENT = "operator";

    private final Release release;
    private final Map<String, CustomResource> stacks = new LinkedHashMap<>();

    public PulumiOperator(String name, PulumiOperatorArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        String namespace = args.namespace();
        CustomResource ns = register(name + "-namespace", OperatorNamespace.of(namespace), List.of(), args);

        List<Resource> sealed = new ArrayList<>(List.of(ns));
        for (Manifest policy : OperatorNetworkPolicies.of(namespace, args.apiServerCidrs(), args.spec().stacks())) {
            sealed.add(register(name + "-" + policy.name(), policy, List.of(ns), args));
        }

        this.release = new Release(name + "-release", ReleaseArgs.builder()
                .name(OperatorChart.RELEASE_NAME)
                .chart(OperatorChart.CHART)
                .version(OperatorChart.VERSION)
                .namespace(namespace)
                .createNamespace(false)
                .values(OperatorChart.values())
                .build(), CustomResourceOptions.builder().parent(this).provider(args.provider())
                // the operator's pods start in a namespace that is already sealed
                .dependsOn(List.copyOf(sealed)).build());

        for (ProjectSpec project : args.projects()) {
            String prefix = name + "-" + project.name();
            // the same plans the project's own stack applies, so its RBAC covers exactly the project's own objects
            List<CompartmentPlan> plans = Project.plans(new ProjectEdge(project, args.platform(), args.projects(),
                    args.publicSubnetCidrs()), args.egress());
            List<Manifest> layerObjects = new ArrayList<>();
            for (CompartmentPlan plan : plans) {
                if (!plan.projectContents().isEmpty()) {
                    layerObjects.add(plan.namespace());
                    layerObjects.addAll(plan.projectContents());
                }
            }
            List<Resource> ready = new ArrayList<>(sealed);
            ready.addAll(args.projectsSealed().getOrDefault(project.name(), List.of()));
            for (Manifest rbac : WorkspaceRbac.of(project.name(), namespace, project.namespaces(), layerObjects)) {
                ready.add(register(prefix + "-" + rbac.kind().toLowerCase(Locale.ROOT) + "-"
                        + (rbac.namespace() == null ? "" : rbac.namespace() + "-") + rbac.name(), rbac, ready, args));
            }
            ready.add(release);
            stacks.put(project.name(), OperatorResources.create(prefix + "-stack",
                    ProjectStack.of(args.stack(), project, namespace, args.spec()), CustomResourceOptions.builder()
                            .parent(this).provider(args.provider()).dependsOn(List.copyOf(ready))
                            .resourceTransformations(Protection.projectStacks(
                                    args.protectedStacks().contains(project.name())))
                            .build()));
        }
        registerOutputs(Map.of(
                "namespace", Output.of(namespace),
                "stacks", Output.of(List.copyOf(stacks.keySet()))));
    }

    /** Labels on every object generated here. */
    public static Map<String, String> labels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, COMPONENT);
    }

    public Release release() {
        return release;
    }

    /** The Stack of each project, by project name. */
    public Map<String, CustomResource> stacks() {
        return Map.copyOf(stacks);
    }

    private CustomResource register(String logicalName, Manifest manifest, List<? extends Resource> dependsOn,
                                    PulumiOperatorArgs args) {
        return OperatorResources.create(logicalName, manifest, CustomResourceOptions.builder()
                .parent(this).provider(args.provider()).dependsOn(List.copyOf(dependsOn)).build());
    }
}
