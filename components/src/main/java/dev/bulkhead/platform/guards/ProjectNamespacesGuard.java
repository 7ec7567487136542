package dev.bulkhead.platform.guards;

import dev.bulkhead.naming.Labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.bulkhead.platform.guards.AdmissionGuard.WRITES_AND_DELETES;

/**
 * Only the platform creates, deletes or relabels a project namespace (one labelled with a project before or after
 * the change): its labels decide which project it belongs to ({@value Labels#PROJECT}), whether its pods are in the
 * ambient mesh ({@value Labels#AMBIENT}) and its Pod Security level. A tenant relabelling a namespace could move it
 * into another project or out of the mesh. Anything else about a namespace may change (the namespace controller
 * finalizes it through a subresource this policy does not match).
 */
public final class ProjectNamespacesGuard {

    public static final String NAME = "bulkhead-project-namespaces";

    private ProjectNamespacesGuard() {
    }

    public static AdmissionGuard of(GuardContext context) {
        String project = Cel.str(Labels.PROJECT);
        String condition = "(request.operation != 'CREATE' && has(oldObject.metadata.labels) && " + project
                + " in oldObject.metadata.labels) || (request.operation != 'DELETE' && has(object.metadata.labels) && "
                + project + " in object.metadata.labels)";
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("platform", Cel.inAdminGroup() + " || " + Cel.userIs(PlatformIdentities.NAMESPACE_CONTROLLER));
        variables.put("sameLabels", "request.operation == 'UPDATE' && "
                + "has(object.metadata.labels) == has(oldObject.metadata.labels) && "
                + "(!has(object.metadata.labels) || object.metadata.labels == oldObject.metadata.labels)");
        return AdmissionGuard.of(NAME,
                AdmissionGuard.match(List.of(AdmissionGuard.rule("", List.of("namespaces"), WRITES_AND_DELETES)),
                        Map.of()),
                Map.of("project-namespace", condition), variables,
                Map.of("variables.platform || variables.sameLabels",
                        "only the platform creates, deletes or relabels project namespaces: their labels decide "
                                + "project membership, the ambient mesh and Pod Security"));
    }
}
