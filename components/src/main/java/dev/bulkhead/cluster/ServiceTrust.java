package dev.bulkhead.cluster;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trust policies for roles assumed by AWS services (the EKS control plane, EC2 nodes), not by people. */
public final class ServiceTrust {

    private ServiceTrust() {
    }

    public static String forService(String servicePrincipal) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }
}
