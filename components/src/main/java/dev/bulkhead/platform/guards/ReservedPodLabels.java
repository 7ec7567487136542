package dev.bulkhead.platform.guards;

import dev.bulkhead.mesh.Ambient;
import dev.bulkhead.naming.Labels;

import java.util.ArrayList;
import java.util.List;

/**
 * Pod labels that decide what a pod may reach and so are the platform's alone. The gateway and waypoint labels
 * get a pod egress to istiod ({@code allow-istiod}); the Prometheus label is what project namespaces admit scrapes
 * from; {@value Labels#AMBIENT} with any value but {@value Labels#AMBIENT_VALUE} takes a pod out of the ambient mesh,
 * and with it out of mTLS and authorization. Istio puts the first three on the pods of the Deployments it generates.
 */
public final class ReservedPodLabels {

    /** Keys no tenant pod may carry at all. */
    public static final List<String> KEYS = List.of(Ambient.PROXY_POD_LABEL, "istio.io/gateway-name",
            "gateway.istio.io/managed");

    private ReservedPodLabels() {
    }

    /** CEL that is true when the label map at {@code labels} holds a reserved label. */
    public static String cel(String labels) {
        List<String> terms = new ArrayList<>();
        for (String key : KEYS) {
            terms.add(Cel.str(key) + " in " + labels);
        }
        terms.add(Cel.str(Labels.AMBIENT) + " in " + labels + " && " + labels + "[" + Cel.str(Labels.AMBIENT)
                + "] != " + Cel.str(Labels.AMBIENT_VALUE));
        terms.add(Cel.str(Labels.APP_NAME) + " in " + labels + " && " + labels + "[" + Cel.str(Labels.APP_NAME)
                + "] == " + Cel.str(Labels.APP_NAME_PROMETHEUS));
        return Cel.any(terms);
    }
}
