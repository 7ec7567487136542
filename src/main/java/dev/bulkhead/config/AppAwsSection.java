package dev.bulkhead.config;

import dev.bulkhead.model.AwsAccessSpec;
import dev.bulkhead.model.AwsStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Reads an app's {@code aws}: managed policy ARNs and statements of its own for the app's IAM role. Policies that
 * would hand an app the account (administrator, power user, IAM) and statements allowing every action are refused.
 */
final class AppAwsSection {

    static final List<String> KEYS = List.of("policyArns", "statements");
    static final List<String> STATEMENT_KEYS = List.of("actions", "resources");
    static final Pattern POLICY_ARN =
            Pattern.compile("^arn:aws(-cn|-us-gov)?:iam::(aws|[0-9]{12}):policy/[\\w+=,.@/-]+$");
    static final Pattern ACTION = Pattern.compile("^[a-z0-9-]+:[A-Za-z0-9*]+$");
    static final List<String> TOO_POWERFUL = List.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

    private AppAwsSection() {
    }

    /** The access at {@code node}, or {@code null} when absent or invalid. */
    static AwsAccessSpec read(Checks checks, Node node) {
        if (node == null) {
            return null;
        }
        ConfigReader reader = checks.reader();
        Fields f = reader.fields(node, KEYS);
        if (!f.present()) {
            return null;
        }
        int before = reader.errorCount();
        List<String> arns = new ArrayList<>();
        for (Node element : f.list("policyArns", false, "IAM policy ARNs")) {
            String arn = reader.string(element);
            if (arn == null) {
                continue;
            }
            if (!POLICY_ARN.matcher(arn).matches()) {
                reader.error(element.path(), quote(arn) + " is not an IAM policy ARN; write "
                        + "arn:aws:iam::aws:policy/<name> or arn:aws:iam::<12-digit account>:policy/<name>");
            } else if (TOO_POWERFUL.contains(arn.substring(arn.lastIndexOf('/') + 1))) {
                reader.error(element.path(), quote(arn) + " would give the app the run of the account; grant the "
                        + "actions it needs on its own resources instead");
            } else {
                arns.add(arn);
            }
        }
        List<AwsStatement> statements = new ArrayList<>();
        for (Node element : f.list("statements", false, "statements (actions, resources)")) {
            Fields s = reader.fields(element, STATEMENT_KEYS);
            List<String> actions = new ArrayList<>();
            for (Node a : s.list("actions", true, "IAM actions such as s3:GetObject")) {
                String action = reader.string(a);
                if (action == null) {
                    continue;
                }
                if (action.equals("*") || action.endsWith(":*") && action.startsWith("iam:")) {
                    reader.error(a.path(), quote(action) + " is every action" + (action.equals("*") ? "" : " of IAM")
                            + "; name the actions the app needs, e.g. s3:GetObject");
                } else if (!ACTION.matcher(action).matches()) {
                    reader.error(a.path(), quote(action) + " is not an IAM action; write service:Action, e.g. "
                            + "s3:GetObject");
                } else {
                    actions.add(action);
                }
            }
            List<String> resources = new ArrayList<>();
            for (Node r : s.list("resources", true, "resource ARNs such as arn:aws:s3:::my-bucket/*")) {
                String resource = reader.string(r);
                if (resource != null && !resource.equals("*") && !resource.startsWith("arn:")) {
                    reader.error(r.path(), quote(resource) + " is not a resource ARN; write arn:..., e.g. "
                            + "arn:aws:s3:::my-bucket/*");
                } else if (resource != null) {
                    resources.add(resource);
                }
            }
            if (!actions.isEmpty() && !resources.isEmpty()) {
                statements.add(new AwsStatement(actions, resources));
            }
        }
        if (arns.isEmpty() && statements.isEmpty() && reader.errorCount() == before) {
            reader.error(node.path(), "needs policyArns or statements; without either the app's role could do nothing");
        }
        return reader.errorCount() != before ? null : new AwsAccessSpec(arns, statements);
    }
}
