package dev.bulkhead.config;

/** A value of the generic config tree together with its key path, e.g. {@code bulkhead:network.cidr}. */
record Node(String path, Object value) {

    /** The list element at {@code index}. */
    Node element(int index, Object element) {
        return new Node(path + "[" + index + "]", element);
    }

    /** The value of a user-chosen key (a label, say) that need not look like an identifier. */
    Node entry(String key, Object entry) {
        return new Node(path + "[" + ConfigReader.quote(key) + "]", entry);
    }
}
