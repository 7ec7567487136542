package dev.bulkhead.manifest;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts a NetworkPolicy manifest's spec to the typed arguments of the Kubernetes SDK, field for field. */
final class NetworkPolicyArgsReader {

    private final StrictReader read;

    private NetworkPolicyArgsReader(StrictReader read) {
        this.read = read;
    }

    static NetworkPolicySpecArgs spec(Manifest manifest) {
        return new NetworkPolicyArgsReader(new StrictReader(manifest)).spec(manifest.spec());
    }

    private NetworkPolicySpecArgs spec(Map<String, Object> spec) {
        read.onlyKeys(spec, "spec", Set.of("podSelector", "policyTypes", "ingress", "egress"));
        var builder = NetworkPolicySpecArgs.builder()
                .podSelector(selector(spec.get("podSelector"), "spec.podSelector"));
        if (spec.containsKey("policyTypes")) {
            builder.policyTypes(read.strings(spec.get("policyTypes"), "spec.policyTypes"));
        }
        if (spec.containsKey("ingress")) {
            List<NetworkPolicyIngressRuleArgs> rules = new ArrayList<>();
            List<?> ingress = read.list(spec.get("ingress"), "spec.ingress");
            for (int i = 0; i < ingress.size(); i++) {
                String path = "spec.ingress[" + i + "]";
                Map<String, Object> rule = read.map(ingress.get(i), path);
                read.onlyKeys(rule, path, Set.of("from", "ports"));
                var args = NetworkPolicyIngressRuleArgs.builder();
                if (rule.containsKey("from")) {
                    args.from(peers(rule.get("from"), path + ".from"));
                }
                if (rule.containsKey("ports")) {
                    args.ports(ports(rule.get("ports"), path + ".ports"));
                }
                rules.add(args.build());
            }
            builder.ingress(rules);
        }
        if (spec.containsKey("egress")) {
            List<NetworkPolicyEgressRuleArgs> rules = new ArrayList<>();
            List<?> egress = read.list(spec.get("egress"), "spec.egress");
            for (int i = 0; i < egress.size(); i++) {
                String path = "spec.egress[" + i + "]";
                Map<String, Object> rule = read.map(egress.get(i), path);
                read.onlyKeys(rule, path, Set.of("to", "ports"));
                var args = NetworkPolicyEgressRuleArgs.builder();
                if (rule.containsKey("to")) {
                    args.to(peers(rule.get("to"), path + ".to"));
                }
                if (rule.containsKey("ports")) {
                    args.ports(ports(rule.get("ports"), path + ".ports"));
                }
                rules.add(args.build());
            }
            builder.egress(rules);
        }
        return builder.build();
    }

    private List<NetworkPolicyPeerArgs> peers(Object value, String path) {
        List<NetworkPolicyPeerArgs> peers = new ArrayList<>();
        List<?> list = read.list(value, path);
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> peer = read.map(list.get(i), at);
            read.onlyKeys(peer, at, Set.of("podSelector", "namespaceSelector", "ipBlock"));
            var args = NetworkPolicyPeerArgs.builder();
            if (peer.containsKey("podSelector")) {
                args.podSelector(selector(peer.get("podSelector"), at + ".podSelector"));
            }
            if (peer.containsKey("namespaceSelector")) {
                args.namespaceSelector(selector(peer.get("namespaceSelector"), at + ".namespaceSelector"));
            }
            if (peer.containsKey("ipBlock")) {
                Map<String, Object> block = read.map(peer.get("ipBlock"), at + ".ipBlock");
                read.onlyKeys(block, at + ".ipBlock", Set.of("cidr", "except"));
                var ipBlock = IPBlockArgs.builder().cidr(read.string(block.get("cidr"), at + ".ipBlock.cidr"));
                if (block.containsKey("except")) {
                    ipBlock.except(read.strings(block.get("except"), at + ".ipBlock.except"));
                }
                args.ipBlock(ipBlock.build());
            }
            peers.add(args.build());
        }
        return peers;
    }

    private List<NetworkPolicyPortArgs> ports(Object value, String path) {
        List<NetworkPolicyPortArgs> ports = new ArrayList<>();
        List<?> list = read.list(value, path);
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> port = read.map(list.get(i), at);
            read.onlyKeys(port, at, Set.of("protocol", "port", "endPort"));
            var args = NetworkPolicyPortArgs.builder()
                    .protocol(read.string(port.get("protocol"), at + ".protocol"))
                    .port(read.integer(port.get("port"), at + ".port"));
            if (port.containsKey("endPort")) {
                args.endPort(read.integer(port.get("endPort"), at + ".endPort"));
            }
            ports.add(args.build());
        }
        return ports;
    }

    private LabelSelectorArgs selector(Object value, String path) {
        Map<String, Object> selector = read.map(value, path);
        read.onlyKeys(selector, path, Set.of("matchLabels", "matchExpressions"));
        var args = LabelSelectorArgs.builder();
        if (selector.containsKey("matchLabels")) {
            args.matchLabels(read.stringMap(selector.get("matchLabels"), path + ".matchLabels"));
        }
        if (selector.containsKey("matchExpressions")) {
            List<LabelSelectorRequirementArgs> requirements = new ArrayList<>();
            List<?> list = read.list(selector.get("matchExpressions"), path + ".matchExpressions");
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".matchExpressions[" + i + "]";
                Map<String, Object> requirement = read.map(list.get(i), at);
                read.onlyKeys(requirement, at, Set.of("key", "operator", "values"));
                var req = LabelSelectorRequirementArgs.builder()
                        .key(read.string(requirement.get("key"), at + ".key"))
                        .operator(read.string(requirement.get("operator"), at + ".operator"));
                if (requirement.containsKey("values")) {
                    req.values(read.strings(requirement.get("values"), at + ".values"));
                }
                requirements.add(req.build());
            }
            args.matchExpressions(requirements);
        }
        return args.build();
    }
}
