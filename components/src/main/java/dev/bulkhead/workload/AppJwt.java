package dev.bulkhead.workload;

import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.mesh.IstioSecurity;
import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.JwtSpec;
import dev.bulkhead.naming.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-user authentication at an app's waypoint: a RequestAuthentication that validates tokens of the issuer
 * (signature from the JWKS, issuer, audiences) and rejects invalid ones, and a DENY AuthorizationPolicy refusing
 * requests on the protected paths that carry no valid token at all, which RequestAuthentication alone lets through.
 * Both are bound to the app's Service; the workload identity checks stay as they are.
 *
 * <p>Istio's istiod fetches the JWKS (the default, which the platform pins) and hands the keys to the waypoint, so the
 * waypoint needs no way out; the key hosts also join the project's egress so the app can reach its issuer itself.
 */
public final class AppJwt {

    public static final String API_VERSION = IstioSecurity.API_VERSION;
    public static final String REQUEST_AUTHENTICATION = "RequestAuthentication";

    private AppJwt() {
    }

    public static List<Manifest> of(AppTrust trust) {
        AppSpec app = trust.app();
        if (app.jwt().isEmpty()) {
            return List.of();
        }
        JwtSpec jwt = app.jwt().get();
        String name = Names.appPolicy(app.name(), "jwt");
        var labels = AppLabels.objects(trust.project().name(), app);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("issuer", jwt.issuer());
        rule.put("jwksUri", jwt.jwksUri());
        rule.put("audiences", jwt.audiences());
        rule.put("forwardOriginalToken", true);
        Manifest authentication = Manifest.namespaced(API_VERSION, REQUEST_AUTHENTICATION, app.namespace(), name,
                labels, Map.of("targetRefs", List.of(AppAuthorization.serviceRef(app)), "jwtRules", List.of(rule)));
        Map<String, Object> deny = new LinkedHashMap<>();
        deny.put("from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))));
        if (!jwt.paths().isEmpty()) {
            deny.put("to", List.of(Map.of("operation", Map.of("paths", jwt.paths()))));
        }
        Manifest required = Manifest.namespaced(IstioSecurity.API_VERSION, IstioSecurity.AUTHORIZATION_POLICY,
                app.namespace(), name, labels, Map.of(
                        "targetRefs", List.of(AppAuthorization.serviceRef(app)),
                        "action", "DENY",
                        "rules", List.of(deny)));
        return List.of(authentication, required);
    }
}
