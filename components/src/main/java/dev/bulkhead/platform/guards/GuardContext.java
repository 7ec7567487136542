package dev.bulkhead.platform.guards;

import java.util.List;

/**
 * What the guards are generated from besides constants: who the operator's workspaces are, and which namespaces are
 * the platform's own.
 *
 * @param workspaces         user names of the operator's project workspaces ({@code system:serviceaccount:...}),
 *                           empty without the operator
 * @param platformNamespaces namespaces of the platform's controllers (kube-system, istio-system, ...)
 */
public record GuardContext(List<String> workspaces, List<String> platformNamespaces) {

    public GuardContext {
        workspaces = List.copyOf(workspaces);
        platformNamespaces = List.copyOf(platformNamespaces);
        if (platformNamespaces.isEmpty()) {
            throw new IllegalArgumentException("guards: at least kube-system is a platform namespace");
        }
    }
}
