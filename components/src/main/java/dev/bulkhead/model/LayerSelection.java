package dev.bulkhead.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The layer a stack manages and, for the {@link Layer#PROJECT} layer, the project it manages.
 *
 * @param project the configured project the stack manages; present exactly when {@code layer} is PROJECT
 */
public record LayerSelection(Layer layer, Optional<String> project) {

    public LayerSelection {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(project, "project");
        if (project.isPresent() != (layer == Layer.PROJECT)) {
            throw new IllegalArgumentException("a project is named exactly when the layer is project");
        }
    }

    /** Today's behaviour: everything in one stack. */
    public static LayerSelection all() {
        return new LayerSelection(Layer.ALL, Optional.empty());
    }

    public static LayerSelection platform() {
        return new LayerSelection(Layer.PLATFORM, Optional.empty());
    }

    public static LayerSelection project(String name) {
        return new LayerSelection(Layer.PROJECT, Optional.of(name));
    }
}
