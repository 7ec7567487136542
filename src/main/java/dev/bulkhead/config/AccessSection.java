package dev.bulkhead.config;

import dev.bulkhead.model.AccessSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.config.ConfigReader.quote;

/** Reads {@code bulkhead:access}: who may assume the admin and auditor roles, and the MFA and session bounds. */
final class AccessSection {

    static final String KEY = "bulkhead:access";
    static final List<String> KEYS = List.of("mfaMaxAgeSeconds", "maxSessionSeconds", "admins", "auditors",
            "allowAdminAuditorOverlap", "allowAccountRoot");

    /** 15 minutes to 12 hours: the range IAM allows for a role session, also used to bound the MFA age. */
    static final int MIN_MFA_AGE = 900;
    static final int MAX_SECONDS = 43_200;
    /** IAM's floor for a role's maximum session duration. */
    static final int MIN_SESSION = 3_600;
    static final int DEFAULT_SECONDS = 3_600;

    private AccessSection() {
    }

    static AccessSpec read(Checks checks, Fields root, String region) {
        Fields f = root.fields(KEY, KEYS, true);
        int mfaAge = f.integer("mfaMaxAgeSeconds", DEFAULT_SECONDS);
        checks.range(f.node("mfaMaxAgeSeconds"), mfaAge, MIN_MFA_AGE, MAX_SECONDS, "seconds since the MFA sign-in");
        int session = f.integer("maxSessionSeconds", DEFAULT_SECONDS);
        checks.range(f.node("maxSessionSeconds"), session, MIN_SESSION, MAX_SECONDS, "seconds, as IAM allows");
        boolean overlap = f.bool("allowAdminAuditorOverlap", false);
        boolean allowRoot = f.bool("allowAccountRoot", false);

        Map<String, String> adminPaths = new HashMap<>();
        List<String> admins = principals(checks, f.list("admins", true, "IAM principal ARNs"), allowRoot, region,
                adminPaths);
        List<Node> auditorNodes = f.list("auditors", false, "IAM principal ARNs");
        List<String> auditors = principals(checks, auditorNodes, allowRoot, region, new HashMap<>());
        TrustPolicySize.check(checks.reader(), f.path("admins"), "admin role", admins, mfaAge, allowRoot);
        TrustPolicySize.check(checks.reader(), f.path("auditors"), "auditor role", auditors, mfaAge, allowRoot);
        if (!overlap) {
            for (Node node : auditorNodes) {
                String admin = node.value() instanceof String s ? adminPaths.get(s) : null;
                if (admin != null) {
                    checks.reader().error(node.path(), quote((String) node.value()) + " is also an admin (" + admin
                            + "); a principal is either admin or auditor, or set " + KEY + ".allowAdminAuditorOverlap: true");
                }
            }
        }
        return new AccessSpec(mfaAge, session, admins, auditors, overlap, allowRoot);
    }

    /**
     * Reads principal ARNs, remembering where each valid one was first listed. The result is sorted and without
     * duplicates: a trust policy names a set of principals, and reordering the config must not change it.
     */
    static List<String> principals(Checks checks, List<Node> nodes, boolean allowRoot, String region,
                                   Map<String, String> paths) {
        java.util.SortedSet<String> arns = new java.util.TreeSet<>();
        for (Node node : nodes) {
            String arn = checks.principal(node, allowRoot, region);
            if (arn != null) {
                arns.add(arn);
                paths.putIfAbsent(arn, node.path());
            }
        }
        return new ArrayList<>(arns);
    }
}
