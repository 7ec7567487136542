package dev.bulkhead.cluster;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig of the in-cluster provider: it reaches the private endpoint and gets a token from
 * {@code aws eks get-token}, assuming the platform admin role (so the caller's MFA session is required).
 */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    public static Output<String> of(Output<String> clusterName, Output<String> endpoint, Output<String> caData,
                                    String region, Output<String> roleArn) {
        return Output.tuple(clusterName, endpoint, caData, roleArn)
                .applyValue(t -> render(t.t1, t.t2, t.t3, region, t.t4));
    }

    static String render(String clusterName, String endpoint, String caData, String region, String roleArn) {
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
        exec.put("command", "aws");
        exec.put("args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region,
                "--role-arn", roleArn));
        exec.put("interactiveMode", "Never");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(ordered("name", clusterName,
                "cluster", ordered("server", endpoint, "certificate-authority-data", caData))));
        config.put("users", List.of(ordered("name", "bulkhead-admin", "user", ordered("exec", exec))));
        config.put("contexts", List.of(ordered("name", clusterName,
                "context", ordered("cluster", clusterName, "user", "bulkhead-admin"))));
        config.put("current-context", clusterName);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(config);
    }

    /** A mapping that keeps the order its keys are given in, so that the kubeconfig text is the same every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
