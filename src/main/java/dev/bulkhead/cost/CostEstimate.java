package dev.bulkhead.cost;

import dev.bulkhead.model.Quantity;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.render.RenderedResource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a render costs per month before any traffic: the platform's fixed charges (EKS control plane, NAT gateways
 * and their addresses, interface endpoints, KMS keys, the nodes at their desired size) and each project's (its ALB
 * and its public addresses, the pod capacity its gateway, waypoints and apps request). Read from the rendered
 * resources alone, priced with {@link PriceList}; anything it cannot price is listed in {@link #notes()}, never
 * guessed.
 */
public final class CostEstimate {

    /** The owner of everything that is not a project's. */
    public static final String PLATFORM = "platform";

    /**
     * The owner of the node groups' instances: the capacity that pods' requests draw from. Kept out of the totals,
     * which price the requests of the platform's and each project's pods instead, so nothing is counted twice.
     */
    public static final String NODES = "nodes";

    /**
     * Requests of an Istio-deployed proxy (gateway or waypoint) when its Gateway names no parameters: Istio's
     * {@code global.proxy.resources.requests} defaults, one replica.
     */
    static final double ISTIO_PROXY_CORES = 0.1;
    static final double ISTIO_PROXY_GIB = 0.125;

    static final String PROJECT_TAG = "bulkhead:project";

    private final String region;
    private final PriceList prices;
    private final List<CostLine> lines;
    private final List<String> notes;

    private final List<String> projects;

    private CostEstimate(String region, PriceList prices, List<CostLine> lines, List<String> notes,
                         List<String> projects) {
        this.region = region;
        this.prices = prices;
        this.lines = List.copyOf(lines);
        this.notes = List.copyOf(notes);
        this.projects = List.copyOf(projects);
    }

    /** The estimate of {@code resources} in {@code region} with the bundled prices. */
    public static CostEstimate of(List<RenderedResource> resources, String region) {
        return of(resources, region, PriceList.bundled());
    }

    public static CostEstimate of(List<RenderedResource> resources, String region, PriceList prices) {
        Optional<RegionPrices> regional = prices.region(region);
        if (regional.isEmpty()) {
            return new CostEstimate(region, prices, List.of(), List.of("the price file has no prices for region "
                    + region + " (it has " + String.join(", ", new TreeMap<>(prices.regions()).keySet()) + ")"), List.of());
        }
        return new Reading(resources, regional.get(), prices.hoursPerMonth()).estimate(region, prices);
    }

    public String region() {
        return region;
    }

    public PriceList prices() {
        return prices;
    }

    /** Every priced item, in the order of the render. */
    public List<CostLine> lines() {
        return lines;
    }

    /** What could not be priced, and why. */
    public List<String> notes() {
        return notes;
    }

    /** Monthly total per owner: {@link #PLATFORM} first, then every project by name (those with nothing priced at 0). */
    public Map<String, Double> byOwner() {
        Map<String, Double> totals = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : a.equals(PLATFORM) ? -1 : b.equals(PLATFORM) ? 1 : a.compareTo(b));
        totals.put(PLATFORM, 0.0);
        projects.forEach(project -> totals.put(project, 0.0));
        for (CostLine line : lines) {
            if (!line.owner().equals(NODES)) {
                totals.merge(line.owner(), line.monthly(), Double::sum);
            }
        }
        return totals;
    }

    /** The platform's and every project's charges; the nodes are not in it (see {@link #NODES}). */
    public double total() {
        return lines.stream().filter(line -> !line.owner().equals(NODES)).mapToDouble(CostLine::monthly).sum();
    }

    /** The node groups' instances at their desired size. */
    public double nodes() {
        return lines.stream().filter(line -> line.owner().equals(NODES)).mapToDouble(CostLine::monthly).sum();
    }

    /** A few lines for a terminal: the platform, the projects (the largest {@code maxProjects} by name), the total. */
    public String summary(int maxProjects) {
        StringBuilder out = new StringBuilder();
        if (lines.isEmpty()) {
            out.append("cost: not estimated: ").append(String.join("; ", notes)).append('\n');
            return out.toString();
        }
        Map<String, Double> owners = byOwner();
        out.append("cost per month (").append(prices.currency()).append(", ").append(region)
                .append(" list prices recorded ").append(prices.recorded()).append("; traffic not included):\n");
        out.append(String.format(Locale.ROOT, "  %-12s %10s%n", PLATFORM, money(owners.getOrDefault(PLATFORM, 0.0))));
        List<Map.Entry<String, Double>> projects = owners.entrySet().stream()
                .filter(e -> !e.getKey().equals(PLATFORM))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        projects.stream().limit(maxProjects).forEach(e ->
                out.append(String.format(Locale.ROOT, "  %-12s %10s%n", e.getKey(), money(e.getValue()))));
        if (projects.size() > maxProjects) {
            double rest = projects.stream().skip(maxProjects).mapToDouble(Map.Entry::getValue).sum();
            out.append(String.format(Locale.ROOT, "  %-12s %10s%n", (projects.size() - maxProjects) + " more", money(rest)));
        }
        out.append(String.format(Locale.ROOT, "  %-12s %10s%n", "total", money(total())));
        out.append(String.format(Locale.ROOT, "  %-12s %10s  (the node groups at their desired size: the capacity "
                + "the pods' requests above draw from, not in the total)%n", NODES, money(nodes())));
        return out.toString();
    }

    /** The whole estimate as Markdown: a table per owner, what was not priced, and the prices' basis and sources. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Monthly cost estimate\n\n");
        md.append("Region ").append(region).append(", ").append(prices.currency()).append(", list prices recorded ")
                .append(prices.recorded()).append(", ").append(prices.hoursPerMonth()).append(" hours a month. ")
                .append(prices.basis()).append("\n\n");
        Map<String, Double> owners = byOwner();
        md.append("| owner | per month |\n|---|---:|\n");
        owners.forEach((owner, total) -> md.append("| ").append(owner).append(" | ").append(money(total)).append(" |\n"));
        md.append("| **total** | **").append(money(total())).append("** |\n");
        md.append("| nodes (not in the total: the capacity pods' requests draw from) | ").append(money(nodes()))
                .append(" |\n");
        List<String> sections = new ArrayList<>(owners.keySet());
        sections.add(NODES);
        for (String owner : sections) {
            List<CostLine> owned = lines.stream().filter(line -> line.owner().equals(owner)).toList();
            if (owned.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(owner).append("\n\n| item | quantity | price | per month |\n|---|---:|---:|---:|\n");
            for (CostLine line : owned) {
                md.append("| ").append(line.item()).append(" | ").append(number(line.quantity())).append(' ')
                        .append(line.quantity() == 1 ? line.unit() : plural(line.unit())).append(" | ").append(price(line.unitPrice())).append(" per ")
                        .append(line.unit()).append('-').append(line.period()).append(" | ")
                        .append(money(line.monthly())).append(" |\n");
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n## Not priced\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## Prices\n\nPod capacity: ").append(prices.podRequests()).append(".\n\nSources:\n");
        prices.sources().forEach(s -> md.append("- ").append(s).append('\n'));
        return md.toString();
    }

    static String money(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    private static String price(double amount) {
        return String.format(Locale.ROOT, "$%s", new BigDecimal(amount).round(new MathContext(4))
                .stripTrailingZeros().toPlainString());
    }

    private static String plural(String unit) {
        return unit.endsWith("s") ? unit + "es" : unit + "s";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    /** One pass over a render, pricing what it recognises. */
    private static final class Reading {

        private final List<RenderedResource> resources;
        private final RegionPrices p;
        private final int hours;
        private final List<CostLine> lines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> namespaceProjects = new TreeMap<>();
        private final Map<String, Integer> hpaMinReplicas = new TreeMap<>();
        private int nodes;

        Reading(List<RenderedResource> resources, RegionPrices prices, int hoursPerMonth) {
            this.resources = resources;
            this.p = prices;
            this.hours = hoursPerMonth;
        }

        CostEstimate estimate(String region, PriceList prices) {
            for (RenderedResource r : resources) {
                if (kind(r).equals("Namespace")) {
                    String project = labels(r).get(Labels.PROJECT);
                    if (project != null) {
                        namespaceProjects.put(string(metadata(r).get("name")), project);
                    }
                } else if (kind(r).equals("HorizontalPodAutoscaler")) {
                    Map<String, Object> spec = map(r.inputs().get("spec"));
                    Map<String, Object> target = map(spec.get("scaleTargetRef"));
                    hpaMinReplicas.put(namespace(r) + "/" + target.get("kind") + "/" + target.get("name"),
                            integer(spec.get("minReplicas"), 1));
                } else if (r.type().equals("aws:eks/nodeGroup:NodeGroup")) {
                    nodes += integer(map(r.inputs().get("scalingConfig")).get("desiredSize"), 0);
                }
            }
            for (RenderedResource r : resources) {
                price(r);
            }
            return new CostEstimate(region, prices, lines, notes, List.copyOf(new TreeSet<>(namespaceProjects.values())));
        }

        private void price(RenderedResource r) {
            switch (r.type()) {
                case "aws:eks/cluster:Cluster" -> {
                    hourly(PLATFORM, "EKS control plane " + r.name(), 1, "cluster", p.eksClusterHour());
                    String support = string(map(r.inputs().get("upgradePolicy")).get("supportType"));
                    if (support.equals("EXTENDED")) {
                        notes.add("EKS extended support: " + money((p.eksExtendedSupportClusterHour() - p.eksClusterHour())
                                * hours) + " more a month for " + r.name() + " while its version is past standard support");
                    }
                }
                case "aws:ec2/natGateway:NatGateway" -> hourly(PLATFORM, "NAT gateway " + r.name(), 1, "gateway",
                        p.natGatewayHour());
                case "aws:ec2/eip:Eip" -> hourly(owner(r), "public IPv4 address " + r.name(), 1, "address",
                        p.publicIpv4Hour());
                case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                    if ("Interface".equals(r.inputs().get("vpcEndpointType"))) {
                        hourly(PLATFORM, "interface endpoint " + r.name(), list(r.inputs().get("subnetIds")).size(),
                                "AZ", p.interfaceEndpointAzHour());
                    }
                }
                case "aws:kms/key:Key" -> monthly(owner(r), "KMS key " + r.name(), 1, "key", p.kmsKeyMonth());
                case "aws:eks/nodeGroup:NodeGroup" -> nodeGroup(r);
                case "aws:ec2/instance:Instance" -> instance(r);
                case "aws:lb/loadBalancer:LoadBalancer" -> loadBalancer(r);
                case "aws:wafv2/webAclAssociation:WebAclAssociation" -> notes.add(owner(r) + ": web ACL "
                        + r.inputs().get("webAclArn") + " is billed to its owner (" + money(p.wafWebAclMonth())
                        + " a month per web ACL, " + money(p.wafRuleMonth()) + " per rule, plus requests)");
                default -> {
                    if (r.isKubernetesObject()) {
                        kubernetes(r);
                    }
                }
            }
        }

        private void nodeGroup(RenderedResource r) {
            List<Object> types = list(r.inputs().get("instanceTypes"));
            int desired = integer(map(r.inputs().get("scalingConfig")).get("desiredSize"), 0);
            String type = types.isEmpty() ? "" : string(types.get(0));
            p.instance(type).ifPresentOrElse(
                    price -> hourly(NODES, "node group " + r.name() + " (" + type + ", desired size)", desired,
                            "instance", price),
                    () -> notes.add("nodes " + r.name() + ": no price for instance type '" + type + "' in the price file"));
        }

        private void instance(RenderedResource r) {
            String type = string(r.inputs().get("instanceType"));
            p.instance(type).ifPresentOrElse(
                    price -> hourly(owner(r), "instance " + r.name() + " (" + type + ")", 1, "instance", price),
                    () -> notes.add("instance " + r.name() + ": no price for instance type '" + type + "' in the price file"));
        }

        private void loadBalancer(RenderedResource r) {
            String owner = owner(r);
            hourly(owner, "ALB " + r.name(), 1, "load balancer", p.albHour());
            if (!Boolean.TRUE.equals(r.inputs().get("internal"))) {
                // an internet-facing ALB holds one public IPv4 address in each of its subnets
                hourly(owner, "ALB public IPv4 addresses " + r.name(), list(r.inputs().get("subnets")).size(), "address",
                        p.publicIpv4Hour());
            }
        }

        private void kubernetes(RenderedResource r) {
            String kind = kind(r);
            Map<String, Object> spec = map(r.inputs().get("spec"));
            switch (kind) {
                case "Gateway" -> {
                    if (!map(spec.get("infrastructure")).containsKey("parametersRef")) {
                        String what = "istio-waypoint".equals(spec.get("gatewayClassName")) ? "waypoint" : "gateway";
                        pods(owner(r), what + " " + namespace(r) + "/" + string(metadata(r).get("name"))
                                + " (Istio's default proxy requests)", 1, ISTIO_PROXY_CORES, ISTIO_PROXY_GIB);
                    } else {
                        notes.add("gateway " + namespace(r) + "/" + metadata(r).get("name")
                                + ": its proxy's requests come from parameters the render does not show");
                    }
                }
                case "Deployment", "StatefulSet" -> {
                    String key = namespace(r) + "/" + kind + "/" + metadata(r).get("name");
                    int replicas = hpaMinReplicas.getOrDefault(key, integer(spec.get("replicas"), 1));
                    template(r, replicas);
                }
                case "DaemonSet" -> template(r, nodes);
                default -> {
                }
            }
        }

        private void template(RenderedResource r, int replicas) {
            Map<String, Object> podSpec = map(map(map(r.inputs().get("spec")).get("template")).get("spec"));
            double cores = 0;
            double gib = 0;
            for (Object c : list(podSpec.get("containers"))) {
                Map<String, Object> requests = map(map(map(c).get("resources")).get("requests"));
                cores += quantity(requests.get("cpu"));
                gib += quantity(requests.get("memory")) / (1L << 30);
            }
            pods(owner(r), kind(r) + " " + namespace(r) + "/" + metadata(r).get("name"), replicas, cores, gib);
        }

        private void pods(String owner, String item, int replicas, double cores, double gib) {
            double hourly = cores * p.vcpuHour() + gib * p.memoryGbHour();
            lines.add(new CostLine(owner, item + String.format(Locale.ROOT, ", %s vCPU + %s GiB each",
                    number(cores), number(gib)), replicas, "pod", hourly, "hour", replicas * hourly * hours));
        }

        private void hourly(String owner, String item, double quantity, String unit, double perHour) {
            lines.add(new CostLine(owner, item, quantity, unit, perHour, "hour", quantity * perHour * hours));
        }

        private void monthly(String owner, String item, double quantity, String unit, double perMonth) {
            lines.add(new CostLine(owner, item, quantity, unit, perMonth, "month", quantity * perMonth));
        }

        /** A project's by its AWS tag, its Kubernetes label or its namespace's; the platform's otherwise. */
        private String owner(RenderedResource r) {
            String tagged = string(map(r.inputs().get("tags")).get(PROJECT_TAG));
            if (!tagged.isEmpty()) {
                return tagged;
            }
            if (r.isKubernetesObject()) {
                String labelled = labels(r).get(Labels.PROJECT);
                if (labelled != null) {
                    return labelled;
                }
                return namespaceProjects.getOrDefault(namespace(r), PLATFORM);
            }
            return PLATFORM;
        }
    }

    private static String kind(RenderedResource r) {
        return r.isKubernetesObject() ? string(r.inputs().get("kind")) : "";
    }

    private static Map<String, Object> metadata(RenderedResource r) {
        return map(r.inputs().get("metadata"));
    }

    private static String namespace(RenderedResource r) {
        return string(metadata(r).get("namespace"));
    }

    private static Map<String, String> labels(RenderedResource r) {
        Map<String, String> labels = new TreeMap<>();
        map(metadata(r).get("labels")).forEach((k, v) -> labels.put(k, string(v)));
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String string(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** A request in base units (cores or bytes); 0 when absent or not a quantity the render writes. */
    private static double quantity(Object value) {
        String text = string(value);
        return Quantity.isValid(text) ? Quantity.parse(text).value().doubleValue() : 0;
    }

    private static int integer(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }
}
