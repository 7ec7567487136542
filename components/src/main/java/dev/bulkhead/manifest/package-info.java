/**
 * Kubernetes objects as plain data: {@link dev.bulkhead.manifest.Manifest} is what the pure policy generators
 * return and what tests and the connectivity checks read; {@link dev.bulkhead.manifest.ManifestResources} is the one
 * place that turns a manifest into a Pulumi resource (a typed class for built-in kinds, the generic custom resource
 * for everything else).
 */
package dev.bulkhead.manifest;
