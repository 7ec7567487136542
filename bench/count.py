#!/usr/bin/env python3
"""Prints, for a render's resources.json: the number of resources (components excluded, as render counts them) and
the policy objects per project namespace (NetworkPolicies, AuthorizationPolicies and PeerAuthentications whose
namespace is one of a generated project's, pNNNN-*), as the mean over those namespaces."""
import collections
import json
import sys

POLICIES = ("kubernetes:networking.k8s.io/v1:NetworkPolicy", "kubernetes:security.istio.io/v1:AuthorizationPolicy",
            "kubernetes:security.istio.io/v1:PeerAuthentication")

resources = json.load(open(sys.argv[1]))
custom = [r for r in resources if not (r["type"].startswith("bulkhead:") or r["type"] == "pulumi:pulumi:Stack")]
per_namespace = collections.Counter()
for r in custom:
    namespace = (r["inputs"].get("metadata") or {}).get("namespace", "")
    if r["type"] in POLICIES and namespace.startswith("p") and namespace[1:5].isdigit():
        per_namespace[namespace] += 1
mean = sum(per_namespace.values()) / len(per_namespace) if per_namespace else 0
print(len(custom), f"{mean:.1f}")
