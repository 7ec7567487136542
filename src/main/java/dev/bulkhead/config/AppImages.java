package dev.bulkhead.config;

import dev.bulkhead.model.ImageReference;
import dev.bulkhead.model.PlatformSpec;

import java.util.regex.Pattern;

import static dev.bulkhead.config.ConfigReader.quote;

/**
 * Checks an app's {@code image} against what the platform's admission policies will admit, so that a Deployment is
 * never planned whose pods would be refused: a registry host and a digest or a tag (never {@code latest}), a tag only
 * when {@code bulkhead:platform.allowImageTags} is true, and a registry of {@code allowedRegistries} (by default the
 * account's own ECR registry in the stack's region).
 */
final class AppImages {

    private AppImages() {
    }

    static String read(ConfigReader reader, Node node, PlatformSpec platform, String region) {
        String image = reader.string(node);
        if (image == null) {
            return null;
        }
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            reader.error(node.path(), e.getMessage().replace('\'', '"'));
            return null;
        }
        if (!reference.pinned() && !platform.allowImageTags()) {
            reader.error(node.path(), quote(image) + " is pinned by tag only; this platform admits images by digest "
                    + "(@sha256:...) unless " + PlatformSection.KEY + ".allowImageTags is true");
            return null;
        }
        if (!platform.allowedRegistries().isEmpty()) {
            if (platform.allowedRegistries().stream().noneMatch(reference::inRegistry)) {
                reader.error(node.path(), quote(image) + " is not in an allowed registry; "
                        + PlatformSection.KEY + ".allowedRegistries is " + platform.allowedRegistries());
                return null;
            }
        } else if (region != null && !ecr(region).matcher(reference.registry()).matches()) {
            reader.error(node.path(), quote(image) + " is not in the account's ECR registry in " + region
                    + " (<account>.dkr.ecr." + region + ".amazonaws.com), the only registry admitted unless "
                    + PlatformSection.KEY + ".allowedRegistries lists others");
            return null;
        }
        return image;
    }

    private static Pattern ecr(String region) {
        return Pattern.compile("^[0-9]{12}\\.dkr\\.ecr\\." + Pattern.quote(region) + "\\.amazonaws\\.com(\\.cn)?$");
    }
}
