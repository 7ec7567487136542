package dev.bulkhead.model;

import java.util.List;

/**
 * One Allow statement of an app's own IAM policy: {@code actions} on {@code resources}. A statement can never grant
 * every action ({@code *}): an app that needs that is not an app.
 */
public record AwsStatement(List<String> actions, List<String> resources) {

    public AwsStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("an IAM statement needs actions and resources");
        }
        if (actions.contains("*")) {
            throw new IllegalArgumentException("an app's IAM statement may not allow every action (*)");
        }
    }
}
