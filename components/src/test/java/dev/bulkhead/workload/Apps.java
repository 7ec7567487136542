package dev.bulkhead.workload;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.AwsAccessSpec;
import dev.bulkhead.model.AwsStatement;
import dev.bulkhead.model.ExportSpec;
import dev.bulkhead.model.IngressSpec;
import dev.bulkhead.model.JwtSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProbeSpec;
import dev.bulkhead.model.ProbesSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.Quantity;
import dev.bulkhead.model.QuotaSpec;
import dev.bulkhead.model.ResourcesSpec;
import dev.bulkhead.model.RouteSpec;
import dev.bulkhead.model.ServiceRef;

import java.util.List;
import java.util.Optional;

/**
 * Project {@code shop} with one app of each kind of trust: {@code storefront} (routed, no app callers, an AWS role),
 * {@code catalog} (callers narrowed at L4), {@code orders} (L7 rules and JWT, exported) and {@code reports} (every
 * project app may call it, one replica).
 */
final class Apps {

    static final PlatformSpec PLATFORM = new PlatformSpec("cluster.local", "monitoring", List.of());
    static final String REGISTRY = "111122223333.dkr.ecr.eu-west-1.amazonaws.com";

    private Apps() {
    }

    static String image(String name) {
        return REGISTRY + "/shop/" + name + "@sha256:" + "ab".repeat(32);
    }

    static AppSpec storefront() {
        return AppSpec.builder("storefront", "shop-web", image("storefront"), 8080)
                .replicas(2, 6)
                .resources(ResourcesSpec.derived(Quantity.parse("250m"), Quantity.parse("256Mi")))
                .probePath("/healthz")
                .metricsPort(9090)
                .callers(List.of())
                .aws(new AwsAccessSpec(List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
                        List.of(new AwsStatement(List.of("s3:GetObject"), List.of("arn:aws:s3:::shop-assets/*")))))
                .build();
    }

    static AppSpec catalog() {
        return AppSpec.builder("catalog", "shop-api", image("catalog"), 8081)
                .callers(List.of("storefront", "orders"))
                .build();
    }

    static AppSpec orders() {
        return AppSpec.builder("orders", "shop-api", image("orders"), 8080)
                .probes(new ProbesSpec(ProbeSpec.http("/started", 8080), ProbeSpec.http("/ready", 8080),
                        ProbeSpec.http("/live", 8080)))
                .callers(List.of("storefront", "catalog"))
                .allow("storefront", List.of("GET", "POST"), List.of("/orders", "/orders/*"))
                .jwt(new JwtSpec("https://auth.example.com/", "https://keys.example.com/jwks.json", List.of("shop"),
                        List.of("/orders/*")))
                .build();
    }

    static AppSpec reports() {
        return AppSpec.builder("reports", "shop-web", image("reports"), 8080).replicas(1, 1).build();
    }

    static ProjectSpec shop(List<AppSpec> apps) {
        IngressSpec ingress = new IngressSpec("arn:aws:acm:eu-west-1:111122223333:certificate/x",
                IngressSpec.DEFAULT_TLS_POLICY, Optional.empty(),
                List.of(new RouteSpec("shop.example.com", "/", new ServiceRef("shop-web", "storefront"), 8080)));
        return new ProjectSpec("shop", List.of("shop-web", "shop-api"), List.of(), Optional.of(ingress),
                List.of(new ExportSpec("orders", new ServiceRef("shop-api", "orders"), 8080, List.of("billing"))),
                List.of(), QuotaSpec.defaults(), List.of(15020), apps);
    }

    static ProjectSpec shop() {
        return shop(List.of(storefront(), catalog(), orders(), reports()));
    }

    static AppTrust trust(String app) {
        ProjectSpec shop = shop();
        return new AppTrust(shop.app(app).orElseThrow(), shop, PLATFORM);
    }
}
