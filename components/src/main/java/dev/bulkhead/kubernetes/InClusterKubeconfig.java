package dev.bulkhead.kubernetes;

/**
 * A kubeconfig that reaches the API server from inside a pod, as the pod's own ServiceAccount: the
 * {@code kubernetes.default.svc} Service, the cluster CA and the projected token Kubernetes mounts (read from
 * its file on every request, so rotation is followed). Written out rather than left to the provider's fallback,
 * so that a project stack can never pick up some other kubeconfig from its environment.
 */
public final class InClusterKubeconfig {

    public static final String SERVER = "https://kubernetes.default.svc";
    public static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

    private InClusterKubeconfig() {
    }

    public static String yaml() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: in-cluster
                    cluster:
                      server: %1$s
                      certificate-authority: %2$s/ca.crt
                users:
                  - name: workspace
                    user:
                      tokenFile: %2$s/token
                contexts:
                  - name: in-cluster
                    context:
                      cluster: in-cluster
                      user: workspace
                current-context: in-cluster
                """.formatted(SERVER, SERVICE_ACCOUNT_DIR);
    }
}
