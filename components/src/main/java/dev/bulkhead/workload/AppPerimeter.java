package dev.bulkhead.workload;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The perimeter of one app and nothing else: the NetworkPolicies, AuthorizationPolicies and RequestAuthentication
 * of its trust ({@link AppPolicies}). The platform stack creates it from its own config, with the namespace's guards,
 * when a team's stack runs the app ({@link AppWorkload}): the team's workspace may write none of these kinds, so the
 * app's trust is the platform's to decide, and it exists before the app's first pod. Same inputs as {@link App}.
 */
public final class AppPerimeter extends ComponentResource {

    public static final String TYPE = "bulkhead:workload:AppPerimeter";

    private final List<CustomResource> policies;

    public AppPerimeter(String name, AppArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.policies = createPolicies(this, name, args, args.dependsOn());
        registerOutputs(Map.of(
                "namespace", Output.of(args.app().namespace()),
                "identity", Output.of(args.trust().identity().principal()),
                "policies", Output.of(policies.size())));
    }

    /** The app's policies under {@code parent}, in {@link AppPolicies} order, each after {@code before}. */
    static List<CustomResource> createPolicies(Resource parent, String name, AppArgs args,
                                               List<? extends Resource> before) {
        List<CustomResource> created = new ArrayList<>();
        for (Manifest policy : AppPolicies.of(args.trust())) {
            created.add(ManifestResources.create(name + "-" + policy.kind().toLowerCase(Locale.ROOT) + "-"
                    + policy.name(), policy, KubernetesOptions.child(parent, args.provider(), before)));
        }
        return List.copyOf(created);
    }

    /** The NetworkPolicies, AuthorizationPolicies and RequestAuthentication of the app, in creation order. */
    public List<CustomResource> policies() {
        return policies;
    }
}
