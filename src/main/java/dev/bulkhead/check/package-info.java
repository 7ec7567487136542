/**
 * The offline security gate: rules over a render's {@code resources.json} (and nothing else), the connectivity
 * matrix computed with the NetworkPolicy evaluator, Istio's L4 authorization, and the reports people and machines
 * read.
 */
package dev.bulkhead.check;
