package dev.bulkhead.model;

import java.util.List;

/** A route a project advertises at its gateway, in-cluster only, to the named consumer projects. */
public record ExportSpec(String name, ServiceRef service, int port, List<String> consumers) {

    public ExportSpec {
        consumers = List.copyOf(consumers);
    }
}
