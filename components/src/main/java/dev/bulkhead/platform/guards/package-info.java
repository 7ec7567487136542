/**
 * The admission guards of the perimeter: {@code ValidatingAdmissionPolicy} objects, which the API server evaluates
 * in-process with CEL, refusing what no tenant identity may do whatever RBAC grants it. Generators here are pure
 * and return manifests; {@code PlatformServices} registers them.
 */
package dev.bulkhead.platform.guards;
