package dev.bulkhead.check;

import java.util.Optional;

/**
 * The L7 part of a {@code reach} question: an HTTP method and path, and the host the request names when the
 * question's destination gives one (a Service's DNS name, an external host).
 */
public record HttpRequest(String method, String path, Optional<String> host) {

    public HttpRequest withHost(String name) {
        return new HttpRequest(method, path, Optional.of(name));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
