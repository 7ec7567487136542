package dev.bulkhead.model;

/** An internet route: requests for {@code host} under {@code path} at the project's ALB go to {@code service:port}. */
public record RouteSpec(String host, String path, ServiceRef service, int port) {
}
