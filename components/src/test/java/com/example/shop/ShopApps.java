package com.example.shop;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.bulkhead.kubernetes.InClusterKubeconfig;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.JwtSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.workload.App;
import dev.bulkhead.workload.AppArgs;
import dev.bulkhead.workload.Waypoint;
import dev.bulkhead.workload.WaypointArgs;

import java.util.List;
import java.util.Optional;

/** A team's own Pulumi program: the apps of project shop, in the namespaces the platform made for it. */
public final class ShopApps {

    static final String REGISTRY = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/";

    public static void main(String[] args) {
        Pulumi.run(ShopApps::define);
    }

    public static void define(Context ctx) {
        var cluster = new Provider("cluster", ProviderArgs.builder().kubeconfig(InClusterKubeconfig.yaml()).build());
        // the platform's trust domain and monitoring namespace, as its stack config says
        var platform = new PlatformSpec("cluster.local", "monitoring", List.of());

        AppSpec web = AppSpec.builder("web", "shop-web", REGISTRY + "web@sha256:" + "1f".repeat(32), 8080)
                .replicas(2, 6)
                .probePath("/healthz")
                .metricsPort(9090)
                .callers(List.of())
                .build();
        AppSpec orders = AppSpec.builder("orders", "shop-api", REGISTRY + "orders@sha256:" + "2e".repeat(32), 8080)
                .probePath("/healthz")
                .callers(List.of("web"))
                .allow("web", List.of("GET", "POST"), List.of("/orders", "/orders/*"))
                .jwt(new JwtSpec("https://auth.example.com/", "https://auth.example.com/.well-known/jwks.json",
                        List.of("shop"), List.of("/orders/*")))
                .build();
        ProjectSpec shop = new ProjectSpec("shop", List.of("shop-web", "shop-api"), List.of(), Optional.empty(),
                List.of(), List.of(), QuotaSpec.defaults(), List.of(15020), List.of(web, orders));

        // orders has L7 rules: its namespace needs a waypoint, and its App must be given it
        var waypoint = new Waypoint("shop-api-waypoint", WaypointArgs.builder()
                .project("shop").namespace("shop-api").provider(cluster).build(), null);
        new App("web", AppArgs.builder()
                .app("web").project(shop).platform(platform).provider(cluster).build(), null);
        var ordersApp = new App("orders", AppArgs.builder()
                .app("orders").project(shop).platform(platform).provider(cluster).waypoint(waypoint).build(), null);
        ctx.export("ordersIdentity", ordersApp.identity());
    }
}
