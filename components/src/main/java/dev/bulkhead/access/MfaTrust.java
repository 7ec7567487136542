package dev.bulkhead.access;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trust policy documents that let only the named principals assume a role, and only with a fresh MFA session. */
public final class MfaTrust {

    private MfaTrust() {
    }

    /** A trust policy for {@code principals}; an empty list yields a policy that trusts no one. */
    public static String policy(List<String> principals, int mfaMaxAgeSeconds) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        if (principals.isEmpty()) {
            document.put("Statement", List.of());
        } else {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("Sid", "AssumeWithMfa");
            statement.put("Effect", "Allow");
            statement.put("Principal", Map.of("AWS", List.copyOf(principals)));
            statement.put("Action", "sts:AssumeRole");
            statement.put("Condition", Map.of(
                    "Bool", Map.of("aws:MultiFactorAuthPresent", "true"),
                    "NumericLessThan", Map.of("aws:MultiFactorAuthAge", String.valueOf(mfaMaxAgeSeconds))));
            document.put("Statement", List.of(statement));
        }
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }
}
