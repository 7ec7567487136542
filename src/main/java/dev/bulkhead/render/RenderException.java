package dev.bulkhead.render;

/** A render that could not be completed; nothing was written. */
public final class RenderException extends RuntimeException {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
