package dev.bulkhead.workload;

import dev.bulkhead.model.AppSpec;
import dev.bulkhead.model.ImageReference;

import java.util.List;

/**
 * The platform's rules for an app's image, checked when the app is declared in code as config checks them: pinned by
 * digest unless the platform admits tags, and from an allowed registry when the platform names them. Admission
 * applies the same rules in the cluster; checking here fails the program before anything is registered.
 */
final class AppImageRules {

    private AppImageRules() {
    }

    static void check(String who, AppSpec app, boolean allowTags, List<String> registries) {
        ImageReference image = app.imageReference();
        if (!image.pinned() && !allowTags) {
            throw new IllegalArgumentException(who + ": app " + app.name() + " names its image by tag ("
                    + app.image() + "); the platform admits images by digest only");
        }
        if (!registries.isEmpty() && registries.stream().noneMatch(image::inRegistry)) {
            throw new IllegalArgumentException(who + ": app " + app.name() + " pulls from " + image.registry()
                    + ", which is not one of the allowed registries " + registries);
        }
    }
}
