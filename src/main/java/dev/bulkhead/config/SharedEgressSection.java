package dev.bulkhead.config;

import dev.bulkhead.model.EgressRule;
import dev.bulkhead.model.SharedEgressSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads {@code bulkhead:egress}: the egress every project may use, configured once for the platform — external hosts
 * (an OIDC issuer for JWT validation, say) and AWS services in the stack's region. Optional; absent means nothing is
 * shared.
 */
final class SharedEgressSection {

    static final String KEY = "bulkhead:egress";
    static final List<String> KEYS = List.of("hosts", "awsServices");
    /** AWS services a workload may reach by their regional endpoint name ({@code <service>.<region>.amazonaws.com}). */
    static final List<String> AWS_SERVICES = List.of("dynamodb", "ecr.api", "kms", "logs", "s3", "secretsmanager",
            "sns", "sqs", "ssm", "sts");

    private SharedEgressSection() {
    }

    static SharedEgressSpec read(Checks checks, Fields root, ProjectContext context) {
        ConfigReader reader = checks.reader();
        Fields f = root.fields(KEY, KEYS, false);
        List<EgressRule.Host> hosts = new ArrayList<>();
        for (Node node : f.list("hosts", false, "hosts (host, port, tlsOrigination)")) {
            EgressRule rule = EgressSection.read(checks, node, context);
            if (rule instanceof EgressRule.Host host) {
                hosts.add(host);
            } else if (rule != null) {
                reader.error(node.path(), "shared egress takes hosts only; a CIDR belongs to the project that needs it "
                        + "(bulkhead:projects[].egress)");
            }
        }
        List<String> services = new ArrayList<>();
        for (Node node : f.list("awsServices", false, "AWS service names")) {
            String service = checks.oneOf(node, AWS_SERVICES);
            if (service != null && services.contains(service)) {
                reader.error(node.path(), quote(service) + " is listed twice");
            } else if (service != null) {
                services.add(service);
            }
        }
        return new SharedEgressSpec(hosts, services);
    }
}
