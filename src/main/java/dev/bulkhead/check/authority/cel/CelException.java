package dev.bulkhead.check.authority.cel;

/**
 * An expression that cannot be evaluated here: its text is outside the supported subset, or its evaluation fails
 * (an absent field read, a type mismatch). Whoever evaluates a guard treats it as no guard at all.
 */
public final class CelException extends Exception {

    /** Why the expression could not be evaluated. */
    public enum Kind {
        /** The text is not CEL this parser reads. */
        SYNTAX,
        /** Valid CEL, but a function, macro or variable outside the supported subset. */
        UNSUPPORTED,
        /** The evaluation itself fails, as it would in the API server. */
        EVALUATION
    }

    private final Kind kind;

    public CelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
