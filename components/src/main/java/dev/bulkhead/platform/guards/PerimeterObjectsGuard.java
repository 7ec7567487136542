package dev.bulkhead.platform.guards;

import dev.bulkhead.isolation.PerimeterKinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.guards.AdmissionGuard.WRITES_AND_DELETES;

/**
 * Only the platform creates, changes or deletes the perimeter ({@link PerimeterKinds}) in a project namespace: the
 * admin role (Pulumi), the controllers that delete a namespace's objects (namespace controller, garbage collector),
 * and the load balancer controller, which adds its finalizer to TargetGroupBindings. No developer, workspace or
 * pod can add a NetworkPolicy (policies add up: one more allow opens the namespace), delete {@code default-deny},
 * weaken mTLS or bind the project's load balancer elsewhere, whatever RBAC grants it.
 */
public final class PerimeterObjectsGuard {

    public static final String NAME = "bulkhead-perimeter-objects";

    private PerimeterObjectsGuard() {
    }

    public static AdmissionGuard of(GuardContext context) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String group : PerimeterKinds.GUARDED_GROUPS) {
            rules.add(AdmissionGuard.rule(group, List.of("*"), WRITES_AND_DELETES));
        }
        for (PerimeterKinds.Kind kind : PerimeterKinds.SINGLE_KINDS) {
            rules.add(AdmissionGuard.rule(kind.group(), List.of(kind.resource()), WRITES_AND_DELETES));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("platform", Cel.inAdminGroup() + " || " + Cel.userIn(List.of(
                PlatformIdentities.NAMESPACE_CONTROLLER, PlatformIdentities.GARBAGE_COLLECTOR)));
        variables.put("bindingOwner", "request.operation == 'UPDATE' && request.resource.group == 'elbv2.k8s.aws' && "
                + Cel.userIs(PlatformIdentities.LOAD_BALANCER_CONTROLLER));
        return AdmissionGuard.of(NAME, AdmissionGuard.match(rules, AdmissionGuard.projectNamespaces()), Map.of(),
                variables, Map.of("variables.platform || variables.bindingOwner",
                        "only the platform writes NetworkPolicies, Istio and Gateway API objects, "
                                + "TargetGroupBindings, ResourceQuotas and LimitRanges in project namespaces"));
    }
}
