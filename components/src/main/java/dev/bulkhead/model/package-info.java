/**
 * The validated, immutable description of a Bulkhead platform: what the components build. Records here are
 * produced by the program's config parser after validation and never hold Pulumi types, so they can be built
 * and compared in plain tests.
 */
package dev.bulkhead.model;
