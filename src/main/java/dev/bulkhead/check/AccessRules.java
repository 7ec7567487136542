package dev.bulkhead.check;

import dev.bulkhead.check.Rule.Violation;
import dev.bulkhead.render.JsonValues;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.bulkhead.check.Severity.ERROR;

/** Who gets in: MFA on every role a person can assume, no wildcard principals, developers held to their project. */
final class AccessRules {

    static final String ROLE = "aws:iam/role:Role";
    static final String ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
    /** The longest MFA age AWS allows a session to be, and the most Bulkhead accepts. */
    static final long MAX_MFA_AGE_SECONDS = 43_200;
    /** Cluster-wide EKS access policies that are for the platform's admin and auditor only. */
    static final Set<String> CLUSTER_WIDE_POLICIES = Set.of("AmazonEKSClusterAdminPolicy", "AmazonEKSViewPolicy",
            "AmazonEKSAdminViewPolicy");

    private AccessRules() {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("access.mfa-required", "access", ERROR,
                        "every role a person can assume requires MFA (aws:MultiFactorAuthPresent) with a bounded age "
                                + "(aws:MultiFactorAuthAge at most " + MAX_MFA_AGE_SECONDS + " s)",
                        "add Condition {Bool: {aws:MultiFactorAuthPresent: \"true\"}, NumericLessThan: "
                                + "{aws:MultiFactorAuthAge: <seconds>}} to the trust statement",
                        view -> trustStatements(view, AccessRules::mfaProblem)),
                new Rule("access.no-wildcard-principal", "access", ERROR,
                        "no trust policy allows the principal \"*\"",
                        "name the exact principals in the trust policy",
                        view -> trustStatements(view, s -> principals(s).contains("*")
                                ? "allows principal \"*\"" : null)),
                new Rule("access.developer-scope", "access", ERROR,
                        "only the admin and auditor hold cluster-wide access; every other access policy is scoped to the "
                                + "namespaces of exactly one project",
                        "give the developer role's association accessScope {type: namespace, namespaces: <its project's "
                                + "namespaces>}",
                        AccessRules::developerScope));
    }

    /** Each Allow statement of each role's trust policy, judged by {@code problem}. */
    private static List<Violation> trustStatements(RenderView view,
                                                   java.util.function.Function<Map<String, Object>, String> problem) {
        List<Violation> out = new ArrayList<>();
        for (RenderedResource role : view.ofType(ROLE)) {
            Object document = role.inputs().get("assumeRolePolicy");
            Map<String, Object> policy = document instanceof String s
                    ? JsonValues.parseObject(s).map(o -> Plain.map(JsonValues.toPlain(o))).orElse(null)
                    : document instanceof Map<?, ?> ? Plain.map(document) : null;
            if (policy == null) {
                // unreadable is not "no statement to judge": nobody can tell who may assume the role
                out.add(new Violation(RenderView.describe(role), "has no readable trust policy (assumeRolePolicy is "
                        + (document == null ? "missing" : "not a JSON policy document") + ")"));
                continue;
            }
            int index = 0;
            for (Object statement : statementList(policy.get("Statement"))) {
                Map<String, Object> st = Plain.map(statement);
                if ("Allow".equals(st.get("Effect"))) {
                    String message = problem.apply(st);
                    if (message != null) {
                        String sid = st.get("Sid") == null ? "#" + index : String.valueOf(st.get("Sid"));
                        out.add(new Violation(RenderView.describe(role), "trust statement " + sid + " " + message));
                    }
                }
                index++;
            }
        }
        return out;
    }

    private static List<Object> statementList(Object statements) {
        return statements instanceof Map<?, ?> ? List.of(statements) : Plain.list(statements);
    }

    /** The principals a statement names: "*" itself, AWS and Federated ones (people); services are not. */
    private static Set<String> principals(Map<String, Object> statement) {
        Object principal = statement.get("Principal");
        Set<String> out = new TreeSet<>();
        if ("*".equals(principal)) {
            out.add("*");
        }
        Map<String, Object> byKind = Plain.map(principal);
        out.addAll(Plain.strings(byKind.get("AWS")));
        out.addAll(Plain.strings(byKind.get("Federated")));
        return out;
    }

    private static String mfaProblem(Map<String, Object> statement) {
        if (principals(statement).isEmpty()) {
            return null; // a service principal: no person assumes this role
        }
        Map<String, Object> condition = Plain.map(statement.get("Condition"));
        boolean present = Plain.strings(Plain.map(condition.get("Bool")).get("aws:MultiFactorAuthPresent"))
                .equals(List.of("true"));
        Long age = maxAge(condition);
        if (!present) {
            return "lets " + principals(statement) + " assume the role without MFA";
        }
        if (age == null) {
            return "requires MFA but does not bound its age (aws:MultiFactorAuthAge)";
        }
        if (age > MAX_MFA_AGE_SECONDS) {
            return "accepts an MFA " + age + " s old; at most " + MAX_MFA_AGE_SECONDS;
        }
        return null;
    }

    private static Long maxAge(Map<String, Object> condition) {
        for (String operator : List.of("NumericLessThan", "NumericLessThanEquals")) {
            List<String> values = Plain.strings(Plain.map(condition.get(operator)).get("aws:MultiFactorAuthAge"));
            if (values.size() == 1) {
                try {
                    return Long.parseLong(values.get(0));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<Violation> developerScope(RenderView view) {
        Map<String, String> projectOf = view.projectNamespaces();
        List<Violation> out = new ArrayList<>();
        for (RenderedResource a : view.ofType(ASSOCIATION)) {
            String policyArn = String.valueOf(a.inputs().get("policyArn"));
            String policy = policyArn.substring(policyArn.lastIndexOf('/') + 1);
            if (CLUSTER_WIDE_POLICIES.contains(policy)) {
                continue;
            }
            Map<String, Object> scope = Plain.map(a.inputs().get("accessScope"));
            List<String> namespaces = Plain.strings(scope.get("namespaces"));
            Set<String> projects = new TreeSet<>();
            namespaces.forEach(ns -> projects.add(projectOf.getOrDefault(ns, "(not a project namespace: " + ns + ")")));
            if (!"namespace".equals(scope.get("type")) || namespaces.isEmpty()) {
                out.add(new Violation(RenderView.describe(a), a.inputs().get("principalArn") + " holds " + policy
                        + " with accessScope " + scope + "; only namespace scope is allowed for it"));
            } else if (projects.size() != 1 || projects.iterator().next().startsWith("(")) {
                out.add(new Violation(RenderView.describe(a), a.inputs().get("principalArn") + " holds " + policy
                        + " in " + namespaces + ", which span " + projects));
            }
        }
        return out;
    }
}
