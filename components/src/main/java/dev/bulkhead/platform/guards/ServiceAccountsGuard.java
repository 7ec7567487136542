package dev.bulkhead.platform.guards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.guards.AdmissionGuard.WRITES_AND_DELETES;

/**
 * ServiceAccounts in project namespaces never mount their token:
 * <ul>
 *   <li>every ServiceAccount written there sets {@code automountServiceAccountToken: false};</li>
 *   <li>the {@code default} ServiceAccount is never deleted (Kubernetes would recreate it mounting its token);</li>
 *   <li>only the project's workspace changes {@code default} (it sets the token off), and only to keep it off.</li>
 * </ul>
 * Exempt are the platform admin role and the controllers that own ServiceAccounts: the ServiceAccount controller
 * (it creates {@code default}), the namespace controller and garbage collector (they delete), and istiod (it creates
 * the ServiceAccounts of Gateways and waypoints). Who may write ServiceAccounts at all is RBAC's decision: the
 * workspaces may patch {@code default}, developers may only read.
 */
public final class ServiceAccountsGuard {

    public static final String NAME = "bulkhead-service-accounts";
    public static final String DEFAULT = "default";

    private ServiceAccountsGuard() {
    }

    public static AdmissionGuard of(GuardContext context) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("platform", Cel.inAdminGroup() + " || " + Cel.userIn(List.of(
                PlatformIdentities.SERVICE_ACCOUNT_CONTROLLER, PlatformIdentities.NAMESPACE_CONTROLLER,
                PlatformIdentities.GARBAGE_COLLECTOR, PlatformIdentities.ISTIOD)));
        variables.put("workspace", Cel.userIn(context.workspaces()));
        String isDefault = ".metadata.name == " + Cel.str(DEFAULT);
        Map<String, String> validations = new LinkedHashMap<>();
        validations.put("variables.platform || request.operation != 'DELETE' || !(oldObject" + isDefault + ")",
                "the default ServiceAccount of a project namespace cannot be deleted");
        validations.put("variables.platform || request.operation == 'DELETE' || "
                        + "(has(object.automountServiceAccountToken) && object.automountServiceAccountToken == false)",
                "ServiceAccounts in project namespaces must set automountServiceAccountToken: false");
        validations.put("variables.platform || request.operation == 'DELETE' || !(object" + isDefault + ") || "
                        + "variables.workspace",
                "only the project's workspace changes the default ServiceAccount of a project namespace");
        return AdmissionGuard.of(NAME,
                AdmissionGuard.match(List.of(AdmissionGuard.rule("", List.of("serviceaccounts"), WRITES_AND_DELETES)),
                        AdmissionGuard.projectNamespaces()),
                Map.of(), variables, validations);
    }
}
