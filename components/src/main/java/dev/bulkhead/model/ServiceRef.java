package dev.bulkhead.model;

/** A Kubernetes Service written {@code namespace/name} in config. */
public record ServiceRef(String namespace, String name) {

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
