package dev.bulkhead.check.authority;

import dev.bulkhead.check.RenderView;
import dev.bulkhead.render.RenderedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.bulkhead.check.authority.Values.list;
import static dev.bulkhead.check.authority.Values.strings;

/**
 * Every identity a render gives access to the cluster, found from the render alone: the EKS access entries (the
 * one whose role the Kubernetes provider assumes is the platform's deployer), the operator Stacks' workspace
 * ServiceAccounts, and the pods of each project namespace.
 *
 * @param deployer          the platform's deployer, if the render has one
 * @param tenants           every other identity, in a fixed order: access entries, workspaces, project namespaces' pods
 * @param workspaceProjects the project each workspace runs the stack of (its Stack's {@code bulkhead:project}), by
 *                          user name
 */
public record Identities(Optional<Identity> deployer, List<Identity> tenants, Map<String, String> workspaceProjects) {

    static final String ACCESS_ENTRY = "aws:eks/accessEntry:AccessEntry";
    static final String PROVIDER = "pulumi:providers:kubernetes";
    /** The Stack config key naming the project whose stack a workspace runs. */
    static final String PROJECT_KEY = "bulkhead:project";
    private static final Pattern ROLE_ARN = Pattern.compile("--role-arn\\W+(arn:[^\"'\\s,\\]]+)");
    private static final Pattern ROLE = Pattern.compile("arn:([^:]+):iam::(\\d{12}):role/(?:.*/)?([^/]+)");

    public Identities {
        tenants = List.copyOf(tenants);
        workspaceProjects = Map.copyOf(workspaceProjects);
    }

    public static Identities of(RenderView view) {
        List<String> deployerArns = new ArrayList<>();
        for (RenderedResource provider : view.ofType(PROVIDER)) {
            Matcher m = ROLE_ARN.matcher(String.valueOf(provider.inputs().get("kubeconfig")));
            while (m.find()) {
                deployerArns.add(m.group(1));
            }
        }
        Identity deployer = null;
        List<Identity> tenants = new ArrayList<>();
        Map<String, String> workspaceProjects = new java.util.HashMap<>();
        for (RenderedResource entry : view.ofType(ACCESS_ENTRY)) {
            String arn = String.valueOf(entry.inputs().get("principalArn"));
            List<String> groups = new ArrayList<>(strings(entry.inputs().get("kubernetesGroups")));
            groups.add("system:authenticated");
            String username = username(arn, entry.inputs().get("userName"));
            boolean isDeployer = deployer == null && deployerArns.contains(arn);
            Identity identity = new Identity(isDeployer ? Identity.Kind.DEPLOYER : Identity.Kind.ACCESS_ENTRY,
                    "access entry " + shortArn(arn) + groupText(groups), username, groups, null, arn);
            if (isDeployer) {
                deployer = identity;
            } else {
                tenants.add(identity);
            }
        }
        for (RenderedResource stack : view.kind("Stack")) {
            if (!stack.type().startsWith("kubernetes:pulumi.com/")) {
                continue;
            }
            String namespace = RenderView.namespace(stack).orElse("default");
            Object account = RenderView.spec(stack).get("serviceAccountName");
            String name = account == null ? "default" : String.valueOf(account);
            String username = Identity.SERVICE_ACCOUNT_PREFIX + namespace + ":" + name;
            tenants.add(new Identity(Identity.Kind.WORKSPACE, "workspace " + namespace + "/" + name + " (Stack "
                    + RenderView.name(stack) + ")", username, Identity.serviceAccountGroups(namespace), null, null));
            if (RenderView.spec(stack).get("config") instanceof Map<?, ?> config
                    && config.get(PROJECT_KEY) instanceof String project) {
                workspaceProjects.put(username, project);
            }
        }
        for (String namespace : view.projectNamespaces().keySet()) {
            tenants.add(new Identity(Identity.Kind.PODS, "pods of " + namespace,
                    Identity.SERVICE_ACCOUNT_PREFIX + namespace + ":default",
                    Identity.serviceAccountGroups(namespace), namespace, null));
        }
        return new Identities(Optional.ofNullable(deployer), tenants, workspaceProjects);
    }

    /**
     * The user name EKS gives an access entry's requests: the custom one, with its session template filled in, or
     * for a role the assumed-role session ARN (path removed), for a user its ARN.
     */
    static String username(String principalArn, Object custom) {
        if (custom instanceof String s && !s.isBlank()) {
            return s.replace("{{SessionName}}", "session").replace("{{SessionNameRaw}}", "session");
        }
        Matcher role = ROLE.matcher(principalArn);
        if (role.matches()) {
            return "arn:" + role.group(1) + ":sts::" + role.group(2) + ":assumed-role/" + role.group(3) + "/session";
        }
        return principalArn;
    }

    private static String shortArn(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    private static String groupText(List<String> groups) {
        List<String> own = groups.stream().filter(g -> !g.equals("system:authenticated")).toList();
        return own.isEmpty() ? "" : " (groups " + String.join(", ", new TreeSet<>(own)) + ")";
    }

    /** The project whose stack {@code workspace} runs, if its Stack names one. */
    public Optional<String> projectOf(Identity workspace) {
        return Optional.ofNullable(workspaceProjects.get(workspace.username()));
    }

    /** Every identity, the deployer first. */
    public List<Identity> all() {
        List<Identity> all = new ArrayList<>();
        deployer.ifPresent(all::add);
        all.addAll(tenants);
        return all;
    }

    /**
     * By namespace, the names of every ServiceAccount pods there could run as that the render knows of: those it
     * creates or patches there and those bindings name there, with {@code default}; sorted. A namespace the render
     * says nothing of has {@code default} alone.
     */
    static Map<String, List<String>> serviceAccountNames(RenderView view) {
        Map<String, TreeSet<String>> names = new java.util.HashMap<>();
        for (String kind : List.of("ServiceAccount", "ServiceAccountPatch")) {
            for (RenderedResource r : view.kind(kind)) {
                RenderView.namespace(r).ifPresent(namespace -> names.computeIfAbsent(namespace,
                        n -> new TreeSet<>(List.of("default"))).add(RenderView.name(r)));
            }
        }
        List<RenderedResource> bindings = new ArrayList<>(view.kind("RoleBinding"));
        bindings.addAll(view.kind("ClusterRoleBinding"));
        for (RenderedResource r : bindings) {
            for (Object subject : list(r.inputs().get("subjects"))) {
                if (subject instanceof Map<?, ?> s && "ServiceAccount".equals(s.get("kind"))) {
                    names.computeIfAbsent(String.valueOf(s.get("namespace")), n -> new TreeSet<>(List.of("default")))
                            .add(String.valueOf(s.get("name")));
                }
            }
        }
        Map<String, List<String>> out = new java.util.HashMap<>();
        names.forEach((namespace, own) -> out.put(namespace, List.copyOf(own)));
        return out;
    }
}
