package dev.bulkhead.operator;

import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.Layer;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProjectStackSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.project.MockRun;
import dev.bulkhead.workload.ProjectApps;
import dev.bulkhead.workload.ProjectAppsArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's Stack waits for everything of the project the platform makes: its sealed namespaces and its apps' perimeter. */
class PulumiOperatorTest {

    private static final String STACK = "kubernetes:pulumi.com/v1:Stack";
    private static final ProjectSpec SHOP = new ProjectSpec("shop", List.of("shop-web", "shop-api"), List.of(),
            Optional.empty(), List.of(), List.of(), QuotaSpec.defaults(), List.of(15020),
            List.of(AppSpec.builder("orders", "shop-api",
                    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/orders@sha256:" + "ab".repeat(32), 8080)
                    .callers(List.of()).build()));

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void theStackWaitsForTheSealedNamespacesAndTheAppsPerimeterAndEachWorkspaceHasItsOwnEgress() {
        var perimeter = new AtomicReference<List<String>>();
        MockRun run = MockRun.of(provider -> {
            var guard = new com.pulumi.kubernetes.core.v1.Namespace("guard", null, null);
            var apps = new ProjectApps("apps-shop", ProjectAppsArgs.builder().project(SHOP)
                    .platform(new PlatformSpec("cluster.local", "monitoring", List.of())).provider(provider)
                    .layer(Layer.PLATFORM).build(), null);
            perimeter.set(apps.resources().stream().map(Resource::pulumiResourceName).toList());
            List<Resource> sealed = new ArrayList<>(List.of(guard));
            sealed.addAll(apps.resources());
            ProjectStackSpec own = new ProjectStackSpec("https://github.com/acme/shop.git", "main", Optional.empty(),
                    "", true, "s3://state/projects/shop", Optional.empty(), "shop-stack-credentials", Optional.empty(),
                    List.of("140.82.112.0/20"), List.of("3.5.140.0/22"), List.of());
            new PulumiOperator("op", PulumiOperatorArgs.builder()
                    .stack("dev")
                    .spec(new OperatorSpec(true, "https://github.com/acme/platform.git", "main", "", Optional.empty(),
                            "s3://state/projects", Optional.empty(), Optional.empty(), List.of("140.82.112.0/20"),
                            List.of("52.92.0.0/17"), List.of(), Optional.empty(), Map.of(), Map.of("shop", own)))
                    .projects(List.of(SHOP))
                    .platform(new PlatformSpec("cluster.local", "monitoring", List.of()))
                    .apiServerCidrs(List.of("172.20.0.1/32"))
                    .projectsSealed(Map.of("shop", sealed))
                    .provider(provider)
                    .build(), null);
        });
        List<String> waitsFor = run.registration(STACK, "op-shop-stack").dependsOn();
        assertTrue(waitsFor.contains("guard"), waitsFor::toString);
        assertEquals(List.of("apps-shop-orders-networkpolicy-app-orders",
                "apps-shop-orders-authorizationpolicy-app-orders-callers"), perimeter.get());
        assertTrue(waitsFor.containsAll(perimeter.get()), waitsFor::toString);
        assertTrue(waitsFor.containsAll(List.of("op-shop-rolebinding-shop-web-bulkhead-shop-workspace",
                "op-shop-rolebinding-shop-api-bulkhead-shop-workspace", "op-release")), waitsFor::toString);
        var egress = run.find("kubernetes:networking.k8s.io/v1:NetworkPolicy", "op-workspace-egress-shop");
        assertTrue(String.valueOf(egress.inputs().get("spec")).contains("3.5.140.0/22"), egress.inputs()::toString);
        assertFalse(String.valueOf(egress.inputs().get("spec")).contains("52.92.0.0/17"),
                "the operator's backend range is not shop's");
    }
}
