package dev.bulkhead.config;

import dev.bulkhead.model.AccessSpec;
import dev.bulkhead.model.ClusterSpec;
import dev.bulkhead.model.LayerSelection;
import dev.bulkhead.model.NetworkSpec;
import dev.bulkhead.model.OperatorSpec;
import dev.bulkhead.model.PlatformSpec;
import dev.bulkhead.model.ProjectSpec;
import dev.bulkhead.model.ProtectionSpec;
import dev.bulkhead.model.SharedEgressSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads the top level of a stack's config: checks its keys, then reads each section in dependency order (the
 * network before the cluster, the platform before the projects) and throws every error found at the end.
 */
final class SettingsReader {

    static final String NAMESPACE = "bulkhead";
    static final String AWS_REGION = "aws:region";
    static final String ENVIRONMENT = "bulkhead:environment";
    static final List<String> KEYS = List.of(ENVIRONMENT, NetworkSection.KEY, ClusterSection.KEY, AccessSection.KEY,
            ProjectsSection.KEY, PlatformSection.KEY, SharedEgressSection.KEY, OperatorSection.KEY, LayerSection.LAYER,
            LayerSection.PROJECT, ProtectionSection.PROTECT, ProtectionSection.RETIRED);
    static final List<String> ENVIRONMENTS = List.of("development", "production");
    static final String PRODUCTION = "production";

    private SettingsReader() {
    }

    static StackSettings read(String stack, Map<String, Object> config) throws ConfigException {
        return read(stack, config, List.of());
    }

    /** Reads {@code config}, reporting {@code earlier} errors (values refused while reading a file) first. */
    static StackSettings read(String stack, Map<String, Object> given, List<ConfigError> earlier)
            throws ConfigException {
        ConfigReader reader = new ConfigReader(earlier);
        Checks checks = new Checks(reader);
        String stackProblem = StackNames.problem(stack);
        if (stackProblem != null) {
            reader.error("stack", stackProblem);
        }
        Map<String, Object> config = Secrets.refuse(reader, unsetRemoved(given));
        checkKeys(reader, config);
        Fields root = new Fields(reader, "", config);

        String region = region(reader, root);
        Node environment = root.node(ENVIRONMENT);
        boolean production = environment != null && PRODUCTION.equals(checks.oneOf(environment, ENVIRONMENTS));
        NetworkSpec network = NetworkSection.read(checks, root);
        Optional<Cidr> vpc = Cidr.tryParse(network.cidr());
        ClusterSpec cluster = ClusterSection.read(checks, root, vpc, production);
        AccessSpec access = AccessSection.read(checks, root, region);
        PlatformSpec platform = PlatformSection.read(checks, root);
        ProjectContext context = new ProjectContext(region, vpc, Cidr.tryParse(cluster.serviceCidr()),
                access.allowAccountRoot(), access.mfaMaxAgeSeconds(), platform);
        ProjectsSection.Result read = ProjectsSection.read(checks, root, context, platform.monitoringNamespace());
        List<ProjectSpec> projects = read.projects();
        SharedEgressSpec sharedEgress = SharedEgressSection.read(checks, root, context);
        DerivedNames.check(reader, projects, sharedEgress);

        OperatorSpec operator = OperatorSection.read(checks, root, config);
        operator = operator.withStacks(ProjectStackSection.read(checks, read.reads(), operator));
        LayerSelection layer = LayerSection.read(checks, root, projects, operator);
        ProtectionSpec protection = ProtectionSection.read(checks, root, production, projects, layer);

        if (!reader.errors().isEmpty()) {
            throw new ConfigException(read.name(reader.errors()));
        }
        return new StackSettings(stack, region, production, network, cluster, access, projects, platform,
                sharedEgress, layer, operator, protection);
    }

    /**
     * {@code config} without its top-level empty values: the engine hands a key written without a value as the
     * empty string, which means unset, and a stack file read as the engine reads it does the same.
     */
    private static Map<String, Object> unsetRemoved(Map<String, Object> config) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (value != null && !"".equals(value)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Unknown {@code bulkhead:} keys are errors. Other namespaces belong to providers and Pulumi itself and are
     * ignored, except one that looks like a misspelt {@code bulkhead}.
     */
    private static void checkKeys(ConfigReader reader, Map<String, Object> config) {
        String validKeys = "valid keys: " + String.join(", ", KEYS);
        List<String> unknown = new java.util.ArrayList<>();
        for (Object k : config.keySet()) {
            String key = String.valueOf(k);
            int colon = key.indexOf(':');
            String namespace = colon < 0 ? "" : key.substring(0, colon);
            if (colon < 0) {
                reader.error(key, "config keys are written namespace:key"
                        + Suggestions.didYouMean(NAMESPACE + ":" + key, KEYS, validKeys));
            } else if (namespace.equals(NAMESPACE)) {
                if (!KEYS.contains(key)) {
                    unknown.add(key);
                }
            } else if (Suggestions.distance(namespace, NAMESPACE) <= Suggestions.MAX_DISTANCE) {
                reader.error(key, "unknown namespace " + quote(namespace)
                        + Suggestions.didYouMean(NAMESPACE + key.substring(colon), KEYS, validKeys));
            }
        }
        reader.unknownKeys("", unknown, KEYS, key -> key);
    }

    private static String region(ConfigReader reader, Fields root) {
        String region = root.requiredString(AWS_REGION, "the AWS region to deploy to, e.g. eu-west-1");
        if (region != null && !Formats.AWS_REGION.matcher(region).matches()) {
            reader.error(AWS_REGION, quote(region) + " is not an AWS region name; use one such as eu-west-1 (pattern "
                    + Formats.AWS_REGION.pattern() + ")");
            return null;
        }
        if (region != null && !AwsRegions.ALL.contains(region)) {
            reader.error(AWS_REGION, quote(region) + " is not an AWS region"
                    + Suggestions.didYouMean(region, AwsRegions.ALL, "use one of " + AwsRegions.ALL));
            return null;
        }
        return region;
    }
}
