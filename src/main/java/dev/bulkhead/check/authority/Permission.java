package dev.bulkhead.check.authority;

/**
 * A rule an identity holds, where, and through what.
 *
 * @param rule      the rule
 * @param namespace the namespace it applies in, or null for the whole cluster
 * @param via       the binding and role (or EKS access policy association) that grant it
 */
record Permission(RbacRule rule, String namespace, String via) {

    boolean allows(String verb, String group, String resource, String inNamespace, String name) {
        return (namespace == null || namespace.equals(inNamespace)) && rule.allows(verb, group, resource, name);
    }
}
