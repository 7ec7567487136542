package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.render.JsonValues;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.check.authority.Values.map;
import static dev.bulkhead.check.authority.Values.strings;

/**
 * The IAM side of the perimeter: the Secrets key's policy lets the account administer the key but neither use it
 * nor hand it out (no grant outside AWS services' own, no policy rewrite without MFA), and keeps it recoverable;
 * every role trusted by EKS Pod Identity is trusted for this account's clusters only ({@code aws:SourceAccount}).
 */
final class IamTrust {

    static final String KEY = "aws:kms/key:Key";
    static final String ROLE = "aws:iam/role:Role";
    static final List<String> USE = List.of("kms:encrypt", "kms:decrypt", "kms:reencrypt", "kms:generatedatakey");

    private IamTrust() {
    }

    static List<Violation> keyPolicies(RenderView view) {
        List<Violation> out = new ArrayList<>();
        for (RenderedResource key : view.ofType(KEY)) {
            boolean recoverable = false;
            for (Map<String, Object> statement : statements(key.inputs().get("policy"))) {
                if (!"Allow".equals(statement.get("Effect")) || !accountRoot(statement)) {
                    continue;
                }
                String sid = String.valueOf(statement.getOrDefault("Sid", "(no Sid)"));
                Map<String, Object> bool = map(map(statement.get("Condition")).get("Bool"));
                for (String action : strings(statement.get("Action"))) {
                    String a = action.toLowerCase(java.util.Locale.ROOT);
                    if (a.equals("kms:*") || a.equals("*") || USE.stream().anyMatch(a::startsWith)) {
                        out.add(new Violation(RenderView.describe(key), "statement " + sid + " lets the account use "
                                + "the key (" + action + ")"));
                    } else if ((a.equals("kms:creategrant") || a.equals("kms:create*"))
                            && !"true".equals(String.valueOf(bool.get("kms:GrantIsForAWSResource")))) {
                        out.add(new Violation(RenderView.describe(key), "statement " + sid + " lets the account grant "
                                + "use of the key to any principal (" + action + ")"));
                    } else if (a.equals("kms:putkeypolicy") || a.equals("kms:put*")) {
                        if ("true".equals(String.valueOf(bool.get("aws:MultiFactorAuthPresent")))) {
                            recoverable = true;
                        } else {
                            out.add(new Violation(RenderView.describe(key), "statement " + sid + " lets the account "
                                    + "rewrite the key policy without MFA (" + action + ")"));
                        }
                    }
                }
            }
            if (!recoverable) {
                out.add(new Violation(RenderView.describe(key), "no statement keeps the key recoverable "
                        + "(kms:PutKeyPolicy for the account with MFA)"));
            }
        }
        return out;
    }

    static List<Violation> podIdentityTrust(RenderView view) {
        List<Violation> out = new ArrayList<>();
        for (RenderedResource role : view.ofType(ROLE)) {
            for (Map<String, Object> statement : statements(role.inputs().get("assumeRolePolicy"))) {
                Object service = map(statement.get("Principal")).get("Service");
                if ("Allow".equals(statement.get("Effect"))
                        && strings(service).contains("pods.eks.amazonaws.com")) {
                    Object account = map(map(statement.get("Condition")).get("StringEquals")).get("aws:SourceAccount");
                    if (account == null) {
                        out.add(new Violation(RenderView.describe(role), "trusts EKS Pod Identity without "
                                + "aws:SourceAccount: a cluster of another account could use it"));
                    }
                }
            }
        }
        return out;
    }

    private static boolean accountRoot(Map<String, Object> statement) {
        Object principal = statement.get("Principal");
        List<String> aws = principal instanceof String s ? List.of(s) : strings(map(principal).get("AWS"));
        return aws.stream().anyMatch(p -> p.equals("*") || p.endsWith(":root") || p.matches("\\d{12}"));
    }

    private static List<Map<String, Object>> statements(Object document) {
        Object parsed = document instanceof String s
                ? JsonValues.parseObject(s).map(JsonValues::toPlain).orElse(null) : document;
        Object statements = map(parsed).get("Statement");
        List<Map<String, Object>> out = new ArrayList<>();
        if (statements instanceof Map<?, ?>) {
            out.add(map(statements));
        } else if (statements instanceof List<?> list) {
            list.forEach(s -> out.add(map(s)));
        }
        return out;
    }

}
