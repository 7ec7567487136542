package dev.bulkhead.workload;

import dev.bulkhead.manifest.Manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Every policy object of one app, in the order they are created: NetworkPolicies, then AuthorizationPolicies, then
 * end-user authentication. None for an app every project app may call without L7 rules. Pure; creates nothing.
 */
public final class AppPolicies {

    private AppPolicies() {
    }

    public static List<Manifest> of(AppTrust trust) {
        List<Manifest> all = new ArrayList<>(AppNetworkPolicies.of(trust));
        all.addAll(AppAuthorization.of(trust));
        all.addAll(AppJwt.of(trust));
        return List.copyOf(all);
    }
}
