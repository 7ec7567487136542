package dev.bulkhead.workload;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.naming.Labels;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels of an app's objects and pods. Pods carry the app's name (what its Service, its budget and every policy
 * select), its project, and, when its callers are narrowed, {@link Labels#TRUST}, which takes them out of the
 * project-wide NetworkPolicies.
 */
public final class AppLabels {

    /** The value of {@link Labels#COMPONENT} on everything an app creates. */
    public static final String COMPONENT = "workload";

    private AppLabels() {
    }

    /** What selects the app's pods; immutable once a Deployment exists, so only the name. */
    public static Map<String, String> selector(AppSpec app) {
        return Map.of(Labels.APP_NAME, app.name());
    }

    /** Labels of the app's objects (ServiceAccount, Deployment, Service, policies). */
    public static Map<String, String> objects(String project, AppSpec app) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.COMPONENT, COMPONENT);
        labels.put(Labels.PROJECT, project);
        labels.put(Labels.APP_NAME, app.name());
        return labels;
    }

    /** Labels of the app's pods. */
    public static Map<String, String> pods(String project, AppSpec app) {
        Map<String, String> labels = objects(project, app);
        trust(app).ifPresent(value -> labels.put(Labels.TRUST, value));
        return labels;
    }

    /** How the app's callers are narrowed, if they are: only through its waypoint, or only its listed callers. */
    public static Optional<String> trust(AppSpec app) {
        if (app.l7()) {
            return Optional.of(Labels.TRUST_WAYPOINT);
        }
        return app.restricted() ? Optional.of(Labels.TRUST_CALLERS) : Optional.empty();
    }
}
