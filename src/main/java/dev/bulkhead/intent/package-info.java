/**
 * What a stack's configuration declares about traffic, written beside a render ({@code intent.json}) so that
 * {@code check} judges the rendered policies against the config that produced them, never against labels on the
 * objects themselves: the projects with their namespaces and edges, and every flow the platform means to allow,
 * each with the config key that asks for it.
 */
package dev.bulkhead.intent;
