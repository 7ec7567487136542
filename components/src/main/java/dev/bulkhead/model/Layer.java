package dev.bulkhead.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which part of the graph one stack manages. The same program runs as the whole platform in one stack
 * ({@link #ALL}), as the platform stack that leaves projects to the operator ({@link #PLATFORM}), and as one
 * project's stack reconciled by the operator inside the cluster ({@link #PROJECT}).
 */
public enum Layer {
    /** Network, cluster, access, platform services and every project in one stack. */
    ALL,
    /** Network, cluster, access, platform services and the operator with one Stack per project; no projects. */
    PLATFORM,
    /** One project's Kubernetes objects only, through an in-cluster Kubernetes provider. */
    PROJECT;

    /** The value written in config: {@code all}, {@code platform}, {@code project}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> configValues() {
        return Arrays.stream(values()).map(Layer::configValue).toList();
    }

    public static Layer fromConfigValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
