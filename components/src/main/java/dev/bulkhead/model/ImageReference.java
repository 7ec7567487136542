package dev.bulkhead.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image as an app names it: {@code registry/repository} followed by a digest
 * ({@code @sha256:<64 hex>}), a tag ({@code :1.4.2}) or both. The registry is always explicit: a name without one
 * means Docker Hub, which no Bulkhead cluster pulls from. {@code latest} is never a version.
 *
 * @param registry   the registry host, with a port if it has one
 * @param repository the path inside the registry
 * @param tag        the tag, if any
 * @param digest     the {@code sha256:...} digest, if any
 */
public record ImageReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {

    private static final Pattern FORM = Pattern.compile(
            "^(?<registry>[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+(:[0-9]{1,5})?)"
                    + "/(?<repository>[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*)"
                    + "(:(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
                    + "(@(?<digest>[a-z0-9]+:[A-Za-z0-9]+))?$");
    private static final Pattern SHA256 = Pattern.compile("^sha256:[0-9a-f]{64}$");
    public static final String EXAMPLE =
            "111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/orders@sha256:<64 hex digits>";

    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** Parses {@code image}, or says in one sentence what is wrong with it. */
    public static ImageReference parse(String image) {
        Matcher m = FORM.matcher(Objects.requireNonNull(image, "image"));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + image + "' is not an image reference; write "
                    + "registry/repository@sha256:<digest> (or :<tag>) with an explicit registry host, e.g. "
                    + EXAMPLE);
        }
        Optional<String> digest = Optional.ofNullable(m.group("digest"));
        if (digest.isPresent() && !SHA256.matcher(digest.get()).matches()) {
            throw new IllegalArgumentException("'" + image + "' has digest '" + digest.get() + "'; a digest is "
                    + "sha256: followed by 64 lowercase hex digits");
        }
        Optional<String> tag = Optional.ofNullable(m.group("tag"));
        if (tag.isEmpty() && digest.isEmpty()) {
            throw new IllegalArgumentException("'" + image + "' names neither a digest nor a tag, so it would run "
                    + "whatever 'latest' is at pull time; pin it by digest (@sha256:...)");
        }
        if (tag.filter("latest"::equals).isPresent()) {
            throw new IllegalArgumentException("'" + image + "' uses the tag 'latest', which moves; pin the image by "
                    + "digest (@sha256:...)" + (digest.isPresent() ? " and drop the tag" : ""));
        }
        return new ImageReference(m.group("registry"), m.group("repository"), tag, digest);
    }

    /** True when the image is pinned by digest: what runs is exactly what was reviewed. */
    public boolean pinned() {
        return digest.isPresent();
    }

    /** Whether the image is in {@code registry} ({@code host[:port][/path]}), by whole path segments. */
    public boolean inRegistry(String allowed) {
        String full = registry + "/" + repository;
        return full.equals(allowed) || full.startsWith(allowed.endsWith("/") ? allowed : allowed + "/");
    }
}
