package dev.bulkhead.config;

import dev.bulkhead.model.PlatformSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/** Reads {@code bulkhead:platform}: the cluster-wide services' settings, all optional. */
final class PlatformSection {

    static final String KEY = "bulkhead:platform";
    static final List<String> KEYS = List.of("trustDomain", "monitoringNamespace", "allowedRegistries",
            "imageSignatureKey", "allowImageTags");

    static final String DEFAULT_TRUST_DOMAIN = "cluster.local";
    static final String DEFAULT_MONITORING_NAMESPACE = "monitoring";

    private PlatformSection() {
    }

    static PlatformSpec read(Checks checks, Fields root) {
        Fields f = root.fields(KEY, KEYS, false);
        Node trust = f.node("trustDomain");
        String trustDomain = trust == null ? null : checks.dnsName(trust, false);
        Node monitoring = f.node("monitoringNamespace");
        String monitoringNamespace = monitoring == null ? null
                : checks.label(monitoring, Formats.RFC1123_LABEL_MAX, "namespace");
        if (monitoringNamespace != null && ReservedNamespaces.ALWAYS.contains(monitoringNamespace)) {
            checks.reader().error(monitoring.path(), quote(monitoringNamespace) + " belongs to "
                    + ReservedNamespaces.OWNERS.get(monitoringNamespace) + "; the platform creates and manages the "
                    + "monitoring namespace (and would delete it with the stack), so it must be one of its own, e.g. "
                    + DEFAULT_MONITORING_NAMESPACE);
            monitoringNamespace = null;
        }
        List<String> registries = new ArrayList<>();
        for (Node node : f.list("allowedRegistries", false, "registries")) {
            String registry = registry(checks.reader(), node);
            if (registry != null) {
                registries.add(registry);
            }
        }
        Node keyNode = f.node("imageSignatureKey");
        String signatureKey = keyNode == null ? null : signatureKey(checks.reader(), keyNode);
        return new PlatformSpec(
                trustDomain == null ? DEFAULT_TRUST_DOMAIN : trustDomain,
                monitoringNamespace == null ? DEFAULT_MONITORING_NAMESPACE : monitoringNamespace,
                registries, signatureKey, f.bool("allowImageTags", false));
    }

    private static String signatureKey(ConfigReader reader, Node node) {
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        var problem = PemPublicKey.problem(text);
        if (problem.isPresent()) {
            String first = text.strip().lines().findFirst().orElse("");
            reader.error(node.path(), "the value starting " + quote(first) + " " + problem.get());
            return null;
        }
        return text.strip() + "\n";
    }

    private static String registry(ConfigReader reader, Node node) {
        String text = reader.string(node);
        if (text == null) {
            return null;
        }
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            reader.error(node.path(), quote(text) + " has a scheme; write the registry as host[/path], e.g. "
                    + text.substring(scheme + 3));
            return null;
        }
        if (!Formats.REGISTRY.matcher(text).matches()) {
            reader.error(node.path(), quote(text) + " is not a registry; write a lowercase host[:port][/path] without "
                    + "scheme or tag, e.g. 111122223333.dkr.ecr.eu-west-1.amazonaws.com or ghcr.io/acme");
            return null;
        }
        return text;
    }
}
