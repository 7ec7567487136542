package dev.bulkhead.testing;

import dev.bulkhead.config.StackSettings;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.operator.OperatorChart;
import dev.bulkhead.operator.ProjectStack;

import java.util.Map;

/** The Stack object the platform layer generates for a project, as plain data. */
public final class ProjectStacks {

    private ProjectStacks() {
    }

    public static Manifest stack(StackSettings platform, String project) {
        return ProjectStack.of(platform.stack(), platform.project(project).orElseThrow(), OperatorChart.NAMESPACE,
                platform.operator());
    }

    public static Map<String, Object> spec(StackSettings platform, String project) {
        return stack(platform, project).spec();
    }
}
