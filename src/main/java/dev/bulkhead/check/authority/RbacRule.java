package dev.bulkhead.check.authority;

import java.util.List;

/**
 * One rule of a role, as RBAC matches it: {@code *} matches every API group, resource (subresources included) and
 * verb; {@code resourceNames}, when present, limits the rule to objects of those names (a create, which has no name
 * yet, never matches them).
 */
record RbacRule(List<String> apiGroups, List<String> resources, List<String> resourceNames, List<String> verbs) {

    static final RbacRule EVERYTHING = new RbacRule(List.of("*"), List.of("*"), List.of(), List.of("*"));
    static final RbacRule READ_EVERYTHING = new RbacRule(List.of("*"), List.of("*"), List.of(),
            List.of("get", "list", "watch"));

    RbacRule {
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        resourceNames = List.copyOf(resourceNames);
        verbs = List.copyOf(verbs);
    }

    boolean allows(String verb, String group, String resource, String name) {
        return (verbs.contains("*") || verbs.contains(verb))
                && (apiGroups.contains("*") || apiGroups.contains(group))
                && (resources.contains("*") || resources.contains(resource))
                && (resourceNames.isEmpty() || name != null && resourceNames.contains(name));
    }

    @Override
    public String toString() {
        return verbs + " on " + (apiGroups.equals(List.of("")) ? "" : apiGroups + "/") + resources
                + (resourceNames.isEmpty() ? "" : " named " + resourceNames);
    }
}
