package dev.bulkhead.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * End-user authentication of an app: requests on {@code paths} (every path when empty) must carry a JWT issued by
 * {@code issuer}, signed by a key of {@code jwksUri} and meant for one of {@code audiences}; on top of, never instead
 * of, the caller's workload identity.
 */
public record JwtSpec(String issuer, String jwksUri, List<String> audiences, List<String> paths) {

    public JwtSpec {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
        audiences = List.copyOf(audiences);
        paths = List.copyOf(paths);
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("a JWT issuer is required");
        }
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("a JWT rule needs at least one audience; without one, a token issued "
                    + "for any other service of the issuer would pass");
        }
        httpsHost(jwksUri, "jwksUri");
        paths.forEach(p -> HttpRules.checkPath(p, "JWT path"));
    }

    /**
     * The external hosts the issuer's keys (and, for an https issuer, its discovery document) are fetched from, each
     * with its port: they join the project's egress.
     */
    public List<EgressRule.Host> egressHosts() {
        List<EgressRule.Host> hosts = new ArrayList<>();
        hosts.add(host(URI.create(jwksUri)));
        if (issuer.startsWith("https://")) {
            EgressRule.Host issuerHost = host(httpsHost(issuer, "issuer"));
            if (!hosts.contains(issuerHost)) {
                hosts.add(issuerHost);
            }
        }
        return List.copyOf(hosts);
    }

    private static EgressRule.Host host(URI uri) {
        return new EgressRule.Host(uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort(), false);
    }

    /** An https URL with a host name; throws saying which part is wrong. */
    public static URI httpsHost(String url, String what) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " '" + url + "' is not a URL: " + e.getReason());
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException(what + " '" + url + "' must be an https URL with a host name, e.g. "
                    + "https://auth.example.com/.well-known/jwks.json");
        }
        return uri;
    }
}
