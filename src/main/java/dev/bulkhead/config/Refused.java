package dev.bulkhead.config;

/**
 * Stands in the config tree for a value that was refused while reading the stack file (an ambiguous scalar, a
 * secret): the refusal is already reported, so every read of it yields nothing without a second error.
 */
enum Refused {
    VALUE
}
