package dev.bulkhead.check;

import dev.bulkhead.config.Suggestions;
import dev.bulkhead.check.ReachQuestion.BadQuestion;
import dev.bulkhead.intent.ProjectIntent;
import dev.bulkhead.isolation.AllowMonitoring;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the names a person uses into {@link Target}s of the render: a project, a namespace, a Service
 * ({@code ns/name} or its DNS name {@code name.ns}), a workload ({@code ns/app}), a gateway, an external host, a
 * pod by labels ({@code ns/key=value,...}, optionally {@code @IPv4}), an IPv4 address, or {@code node}. A prefix
 * ({@code project:}, {@code namespace:}, {@code service:}, {@code workload:}, {@code gateway:}, {@code host:})
 * removes any doubt. A name the render does not know is an error that lists the names it does know.
 *
 * <p>A pod's labels and identity come from its workload's pod template where the render has one; a namespace
 * is represented by a pod without labels running as {@code default}.
 */
public final class EndpointResolver {

    static final Pattern IPV4 = ReachQuestion.IPV4;
    static final Pattern HOST = Pattern.compile("^(\\*\\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "istio-system");
    static final String PROMETHEUS_ACCOUNT = "prometheus";
    /** How many known names of one kind an error lists before it only counts them. */
    static final int MAX_LISTED = 30;

    private final RenderView view;
    private final MeshAuthorization mesh;
    private final Map<String, List<String>> projects = new TreeMap<>();
    private final Set<String> namespaces = new TreeSet<>(SYSTEM_NAMESPACES);
    private final Map<String, RenderedResource> services = new TreeMap<>();
    private final Map<String, RenderedResource> gateways = new TreeMap<>();

    public EndpointResolver(RenderView view) {
        this.view = view;
        this.mesh = view.mesh();
        namespaces.addAll(view.namespaceLabels().keySet());
        view.resources().forEach(r -> RenderView.namespace(r).ifPresent(namespaces::add));
        view.projectNamespaces().forEach((ns, project) -> projects.computeIfAbsent(project, p -> new ArrayList<>()));
        view.intent().ifPresent(i -> i.projects().forEach(p -> projects.put(p.name(),
                p.namespaces().stream().filter(namespaces::contains).toList())));
        view.projectNamespaces().forEach((ns, project) -> {
            List<String> list = projects.get(project);
            boolean gateway = view.intent().flatMap(i -> i.project(project)).flatMap(ProjectIntent::gatewayNamespace)
                    .filter(ns::equals).isPresent()
                    || Labels.ROLE_GATEWAY.equals(view.namespaceLabels().get(ns).get(Labels.ROLE));
            if (!gateway && !list.contains(ns)) {
                List<String> grown = new ArrayList<>(list);
                grown.add(ns);
                projects.put(project, grown);
            }
        });
        view.kind("Service").forEach(s -> services.put(RenderView.id(s), s));
        view.kind("Gateway").forEach(g -> gateways.put(RenderView.id(g), g));
    }

    /** @param role {@code FROM} or {@code TO}, for error messages */
    public Target resolve(String role, String text) throws BadQuestion {
        int colon = text.indexOf(':');
        if (colon > 0 && !IPV4.matcher(text).matches()) {
            String prefix = text.substring(0, colon);
            String rest = text.substring(colon + 1);
            return switch (prefix) {
                case "project" -> project(rest).orElseThrow(() -> unknown(role, text));
                case "namespace" -> namespace(rest).orElseThrow(() -> unknown(role, text));
                case "service" -> service(rest).orElseThrow(() -> unknown(role, text));
                case "workload" -> workload(rest).orElseThrow(() -> unknown(role, text));
                case "gateway" -> gateway(rest).orElseThrow(() -> unknown(role, text));
                case "host" -> host(role, rest);
                case "pod" -> labelled(role, rest);
                default -> throw new BadQuestion(role + " \"" + text + "\": unknown prefix \"" + prefix
                        + "\"; use project:, namespace:, service:, workload:, gateway:, host: or pod:");
            };
        }
        if (text.equals("node")) {
            return new Target.Pods("node", "node", List.of(Party.node()));
        }
        if (IPV4.matcher(text).matches()) {
            return new Target.Pods("address", text, List.of(Party.address(
                    ((Endpoint.External) ReachQuestion.endpoint(role, text)).ip())));
        }
        int slash = text.indexOf('/');
        if (text.contains("@") || (slash > 0 && text.indexOf('=', slash) > 0)) {
            return labelled(role, text);
        }
        if (slash > 0) {
            String first = text.substring(0, slash);
            if (!namespaces.contains(first) && projects.containsKey(first)) {
                return inProject(role, first, text.substring(slash + 1));
            }
            Optional<Target> found = service(text).or(() -> workload(text)).or(() -> gateway(text));
            return found.orElseThrow(() -> unknownInNamespace(role, text, first));
        }
        if (text.contains(".")) {
            return dotted(role, text);
        }
        return project(text).or(() -> namespace(text)).orElseThrow(() -> unknown(role, text));
    }

    private Optional<Target> project(String name) {
        List<String> list = projects.get(name);
        if (list == null) {
            return Optional.empty();
        }
        return Optional.of(new Target.Pods("project", name, list.stream().map(this::representative).toList()));
    }

    /**
     * {@code <project>/<name>}: the Service (or, without one, the workload) of that name in one of the project's
     * namespaces, as an app is named in config.
     */
    private Target inProject(String role, String project, String name) throws BadQuestion {
        List<Target> found = new ArrayList<>();
        for (String ns : projects.get(project)) {
            service(ns + "/" + name).or(() -> workload(ns + "/" + name)).ifPresent(found::add);
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        String text = project + "/" + name;
        if (found.isEmpty()) {
            throw new BadQuestion(role + " \"" + text + "\": project " + project + " has no Service or workload "
                    + name + " in its namespaces " + projects.get(project) + "; name one as <namespace>/<name>");
        }
        throw new BadQuestion(role + " \"" + text + "\": " + name + " is in more than one namespace of project "
                + project + " (" + found.stream().map(Target::describe).toList() + "); name one as <namespace>/<name>");
    }

    private Optional<Target> namespace(String name) {
        return namespaces.contains(name)
                ? Optional.of(new Target.Pods("namespace", name, List.of(representative(name))))
                : Optional.empty();
    }

    /** A pod standing for every pod of a namespace: no labels, the {@code default} ServiceAccount. */
    Party representative(String namespace) {
        return Party.pod(namespace, Endpoint.Pod.of(namespace), "default");
    }

    private Optional<Target> workload(String id) {
        int slash = id.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        return view.workloads().find(id.substring(0, slash), id.substring(slash + 1))
                .map(w -> new Target.Pods("workload", w.id(), List.of(party(w))));
    }

    static Party party(Workload w) {
        if (w.hostNetwork()) {
            return new Party(w.id() + " (host network)", new Endpoint.Node(), Optional.empty());
        }
        return Party.pod(w.id(), Endpoint.Pod.of(w.namespace(), w.labels()), w.serviceAccount());
    }

    private Optional<Target> gateway(String id) {
        return Optional.ofNullable(gateways.get(id))
                .map(g -> new Target.Pods("gateway", id, List.of(Reachability.proxy(g))));
    }

    private Optional<Target> service(String id) {
        RenderedResource service = services.get(id);
        if (service == null) {
            return Optional.empty();
        }
        String ns = RenderView.namespace(service).orElse("default");
        Map<String, Object> spec = RenderView.spec(service);
        Map<String, String> selector = new LinkedHashMap<>();
        Plain.map(spec.get("selector")).forEach((k, v) -> selector.put(k, String.valueOf(v)));
        List<Party> pods = new ArrayList<>(view.workloads().selectedBy(ns, selector).stream()
                .map(EndpointResolver::party).toList());
        if (pods.isEmpty()) {
            Endpoint.Pod pod = Endpoint.Pod.of(ns, selector);
            pods.add(Party.pod(id, pod, accountOf(pod)));
        }
        Map<Integer, Integer> targetPorts = new TreeMap<>();
        for (Object p : Plain.list(spec.get("ports"))) {
            Map<String, Object> port = Plain.map(p);
            if (port.get("port") instanceof Number number) {
                Object target = port.get("targetPort");
                targetPorts.put(number.intValue(), target instanceof Number t ? t.intValue() : number.intValue());
            }
        }
        return Optional.of(new Target.Service(ns, RenderView.name(service), pods, waypointOf(service, ns),
                targetPorts));
    }

    /** The waypoint a Service's traffic goes through: the Service's or its namespace's use-waypoint label. */
    private Optional<RenderedResource> waypointOf(RenderedResource service, String ns) {
        Map<String, String> labels = RenderView.labels(service);
        Map<String, String> nsLabels = view.namespaceLabels().getOrDefault(ns, Map.of());
        String name = labels.getOrDefault(Labels.USE_WAYPOINT, nsLabels.get(Labels.USE_WAYPOINT));
        if (name == null || name.equals("none")) {
            return Optional.empty();
        }
        String waypointNs = labels.getOrDefault(Labels.USE_WAYPOINT + "-namespace",
                nsLabels.getOrDefault(Labels.USE_WAYPOINT + "-namespace", ns));
        return mesh.waypointNamed(waypointNs, name);
    }

    /** The identity of a pod given by labels: a proxy's, Prometheus's, a matching workload's, or default. */
    String accountOf(Endpoint.Pod pod) {
        Optional<RenderedResource> proxy = mesh.proxyOf(pod);
        if (proxy.isPresent()) {
            return MeshAuthorization.proxyAccount(proxy.get());
        }
        boolean monitoring = Labels.ROLE_MONITORING.equals(view.namespaceLabels()
                .getOrDefault(pod.namespace(), Map.of()).get(Labels.ROLE));
        if (monitoring && pod.labels().entrySet().containsAll(AllowMonitoring.PROMETHEUS_POD_LABELS.entrySet())) {
            return PROMETHEUS_ACCOUNT;
        }
        return view.workloads().in(pod.namespace()).stream()
                .filter(w -> w.labels().entrySet().containsAll(pod.labels().entrySet()) && !pod.labels().isEmpty())
                .map(Workload::serviceAccount).findFirst().orElse("default");
    }

    private Target labelled(String role, String text) throws BadQuestion {
        Endpoint endpoint = ReachQuestion.endpoint(role, text);
        if (!(endpoint instanceof Endpoint.Pod pod)) {
            return new Target.Pods("address", text, List.of(Party.address(text)));
        }
        if (!namespaces.contains(pod.namespace())) {
            throw unknown(role, text);
        }
        // app=<name> is how people name an app; its pods carry the recommended app.kubernetes.io/name label
        String app = pod.labels().get("app");
        if (app != null && pod.labels().size() == 1) {
            Optional<Workload> workload = view.workloads().find(pod.namespace(), app)
                    .filter(w -> app.equals(w.labels().get(Labels.APP_NAME)));
            if (workload.isPresent()) {
                return new Target.Pods("workload", workload.get().id(), List.of(party(workload.get())));
            }
        }
        return new Target.Pods("pod", text, List.of(Party.pod(text, pod, accountOf(pod))));
    }

    private Target dotted(String role, String text) throws BadQuestion {
        String[] labels = text.split("\\.");
        if (labels.length >= 2) {
            String id = labels[1] + "/" + labels[0];
            boolean serviceForm = labels.length == 2 || labels[2].equals("svc");
            if (serviceForm && services.containsKey(id)) {
                return service(id).orElseThrow();
            }
            if (labels.length > 2 && labels[2].equals("svc")) {
                throw new BadQuestion(role + " \"" + text + "\": no Service " + id + " in the render; known Services: "
                        + services.keySet());
            }
            if (labels.length == 2 && !namespaces.contains(labels[1])) {
                Optional<String> close = Suggestions.closest(labels[1], namespaces);
                if (close.isPresent()) {
                    throw new BadQuestion(role + " \"" + text + "\": no namespace \"" + labels[1]
                            + "\"; did you mean " + labels[0] + "." + close.get() + "? Known Services: "
                            + services.keySet());
                }
            }
        }
        return host(role, text);
    }

    private Target host(String role, String host) throws BadQuestion {
        if (!HOST.matcher(host).matches()) {
            throw new BadQuestion(role + " \"" + host + "\": not a host name (e.g. api.example.com)");
        }
        List<RenderedResource> entries = new ArrayList<>();
        for (RenderedResource entry : view.kind("ServiceEntry")) {
            for (String pattern : Plain.strings(RenderView.spec(entry).get("hosts"))) {
                boolean match = pattern.equals(host) || (pattern.startsWith("*.") && host.endsWith(pattern.substring(1))
                        && host.length() > pattern.length() - 1);
                if (match) {
                    entries.add(entry);
                    break;
                }
            }
        }
        return new Target.Host(host, entries);
    }

    /** Every name this render knows, by kind, for error messages and the docs. */
    public Map<String, Collection<String>> known() {
        Map<String, Collection<String>> out = new LinkedHashMap<>();
        out.put("projects", projects.keySet());
        out.put("namespaces", namespaces);
        out.put("services", services.keySet());
        out.put("workloads", view.workloads().all().stream().map(Workload::id).toList());
        out.put("gateways", gateways.keySet());
        Set<String> hosts = new TreeSet<>();
        view.kind("ServiceEntry").forEach(e -> hosts.addAll(Plain.strings(RenderView.spec(e).get("hosts"))));
        out.put("hosts", hosts);
        return out;
    }

    private BadQuestion unknown(String role, String text) {
        StringBuilder message = new StringBuilder(role + " \"" + text + "\": the render has no such project, "
                + "namespace, Service, workload or gateway");
        Set<String> all = new TreeSet<>(projects.keySet());
        all.addAll(namespaces);
        all.addAll(services.keySet());
        Suggestions.closest(text, all).ifPresent(c -> message.append("; did you mean ").append(c).append('?'));
        known().forEach((kind, names) -> {
            if (!names.isEmpty() && !kind.equals("hosts")) {
                List<String> shown = names.stream().limit(MAX_LISTED).toList();
                message.append("\n  known ").append(kind).append(": ").append(String.join(", ", shown))
                        .append(names.size() > MAX_LISTED ? ", ... (" + names.size() + " in all)" : "");
            }
        });
        return new BadQuestion(message.toString());
    }

    private BadQuestion unknownInNamespace(String role, String text, String namespace) {
        if (!namespaces.contains(namespace)) {
            return unknown(role, text);
        }
        List<String> here = new ArrayList<>();
        services.keySet().stream().filter(s -> s.startsWith(namespace + "/")).forEach(s -> here.add("Service " + s));
        view.workloads().in(namespace).forEach(w -> here.add(w.kind() + " " + w.id()));
        gateways.keySet().stream().filter(g -> g.startsWith(namespace + "/")).forEach(g -> here.add("Gateway " + g));
        return new BadQuestion(role + " \"" + text + "\": namespace " + namespace + " has no Service, workload or "
                + "gateway of that name; it has: " + (here.isEmpty() ? "none (use " + namespace
                + " for any of its pods, or " + namespace + "/key=value for a pod by labels)" : String.join(", ", here)));
    }
}
