package dev.bulkhead.render;

import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code aws/} directory of a render: every IAM policy document (role trust policies, managed and inline
 * policies, key and bucket policies) as pretty JSON, one file per document, named after the resource.
 */
public final class PolicyDocuments {

    public static final String DIR = "aws/";
    /** Input fields that hold a policy document, and the suffix of the file each is written to. */
    private static final Map<String, String> FIELDS = Map.of(
            "assumeRolePolicy", "trust",
            "policy", "policy");

    private PolicyDocuments() {
    }

    public static Map<String, String> files(List<RenderedResource> resources) {
        Map<String, String> files = new LinkedHashMap<>();
        for (RenderedResource r : resources) {
            if (!r.type().startsWith("aws:")) {
                continue;
            }
            for (var field : FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                document(r.inputs().get(field.getKey())).ifPresent(doc ->
                        files.put(DIR + r.name() + "." + field.getValue() + ".json", JsonValues.pretty(
                                JsonValues.toJson(JsonValues.toPlain(doc)))));
            }
            if (r.inputs().get("inlinePolicies") instanceof List<?> inline) {
                for (Object p : inline) {
                    if (p instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                        document(m.get("policy")).ifPresent(doc -> files.put(DIR + r.name() + ".inline-" + n
                                + ".json", JsonValues.pretty(JsonValues.toJson(JsonValues.toPlain(doc)))));
                    }
                }
            }
        }
        return files;
    }

    private static Optional<JsonObject> document(Object value) {
        if (value instanceof String text) {
            return JsonValues.parseObject(text).filter(o -> o.has("Statement"));
        }
        return Optional.empty();
    }
}
