package dev.bulkhead.check;

/** ERROR fails the gate (exit 1); WARNING is reported and does not. */
public enum Severity {
    ERROR, WARNING
}
