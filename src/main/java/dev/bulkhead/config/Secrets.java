package dev.bulkhead.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses Pulumi secrets in Bulkhead's settings. A stack file holds them as {@code {secure: <ciphertext>}}, which
 * {@code render} cannot decrypt without the Pulumi CLI, and under {@code pulumi up} the engine hands them over
 * decrypted; no Bulkhead setting is a credential, so either way the value is refused, and never shown.
 */
final class Secrets {

    static final String SECURE = "secure";
    static final String ADVICE = "is a Pulumi secret (secure:); no Bulkhead setting takes a credential, and render "
            + "cannot decrypt one: write this setting in plain text (pulumi config set without --secret), and keep "
            + "credentials in a Kubernetes Secret named by " + OperatorSection.KEY + ".credentialsSecret or "
            + "gitAuthSecret";

    private Secrets() {
    }

    /** {@code config} with each secret in a {@code bulkhead:} value replaced by {@link Refused#VALUE} and reported. */
    static Map<String, Object> refuse(ConfigReader reader, Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((key, value) -> out.put(key,
                key.startsWith(SettingsReader.NAMESPACE + ":") ? walk(reader, key, value) : value));
        return out;
    }

    /** True for {@code {secure: ...}}, the form a secret takes in a stack file. */
    static boolean isSecret(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(SECURE);
    }

    private static Object walk(ConfigReader reader, String path, Object value) {
        if (isSecret(value)) {
            reader.error(path, ADVICE);
            return Refused.VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, walk(reader, path + "." + k, v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(walk(reader, path + "[" + i + "]", list.get(i)));
            }
            return out;
        }
        return value;
    }
}
