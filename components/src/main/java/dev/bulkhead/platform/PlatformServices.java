package dev.bulkhead.platform;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.access.DeveloperRole;
import dev.bulkhead.cluster.ManagedPolicies;
import dev.bulkhead.cluster.PodIdentity;
import dev.bulkhead.kubernetes.KubernetesCustomResource;
import dev.bulkhead.kubernetes.KubernetesCustomResourceArgs;
import dev.bulkhead.kubernetes.KubernetesOptions;
import dev.bulkhead.kubernetes.RemoteManifest;
import dev.bulkhead.manifest.Manifest;
import dev.bulkhead.manifest.ManifestResources;
import dev.bulkhead.mesh.StrictMtls;
import dev.bulkhead.naming.Labels;
import dev.bulkhead.naming.Names;
import dev.bulkhead.platform.admission.AdmissionContext;
import dev.bulkhead.platform.admission.AdmissionPolicies;
import dev.bulkhead.platform.admission.Kyverno;
import dev.bulkhead.platform.guards.AdmissionGuard;
import dev.bulkhead.platform.guards.AdmissionGuards;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster-wide services every project relies on: the admission guards of the perimeter and the developers'
 * ClusterRole (first, so that no project namespace ever exists without them), the Gateway API CRDs, the Istio
 * ambient mesh (base, istiod, istio-cni, ztunnel, in that order) with STRICT mTLS mesh-wide, the AWS Load Balancer
 * Controller with its pod identity, Kyverno with the platform's admission policies, the NetworkPolicies of the
 * controllers that have none of their own, and the monitoring namespace. Every chart is pinned in {@link Charts}.
 */
public final class PlatformServices extends ComponentResource {

    public static final String TYPE = "bulkhead:platform:PlatformServices";
    /** The IAM role suffix of the load balancer controller ({@code bulkhead-<stack>-lb-controller}). */
    public static final String LB_CONTROLLER_ROLE = "lb-controller";
    /** The IAM role suffix of Kyverno's admission controller, which exists only to verify image signatures. */
    public static final String KYVERNO_ROLE = "kyverno-admission";
    /** The role Pulumi uses in the cluster, named as {@code Access} names it. */
    public static final String ADMIN_ROLE = "admin";

    private final Namespace monitoringNamespace;
    private final CustomResource meshWideMtls;
    private final List<Release> istio;
    private final Release loadBalancerController;
    private final Release kyverno;
    private final List<CustomResource> admissionPolicies = new ArrayList<>();
    private final List<CustomResource> guards = new ArrayList<>();

    public PlatformServices(String name, PlatformServicesArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var provider = args.provider();
        var account = callerIdentity();

        for (AdmissionGuard guard : AdmissionGuards.all(args.guards())) {
            for (Manifest manifest : guard.manifests()) {
                guards.add(ManifestResources.create(name + "-" + manifest.kind().toLowerCase(Locale.ROOT) + "-"
                        + manifest.name(), manifest, KubernetesOptions.child(this, provider)));
            }
        }
        ManifestResources.create(name + "-developer-role", DeveloperRole.clusterRole(),
                KubernetesOptions.child(this, provider));
        for (Manifest policy : PlatformNetworkPolicies.of(args.vpcCidr(), args.serviceCidr(),
                args.spec().signatureKey().isPresent())) {
            ManifestResources.create(name + "-netpol-" + policy.namespace() + "-" + policy.name(), policy,
                    KubernetesOptions.child(this, provider));
        }

        var gatewayApi = new RemoteManifest(name + "-gateway-api-crds", Charts.GATEWAY_API_CRDS, this, provider);
        this.istio = installIstio(name, args, gatewayApi);
        this.meshWideMtls = ManifestResources.create(name + "-mesh-strict-mtls",
                StrictMtls.meshWide(platformLabels()), KubernetesOptions.child(this, provider, istio.subList(0, 2)));

        this.loadBalancerController = installLoadBalancerController(name, args, account);

        this.kyverno = HelmReleases.install(this, name + "-kyverno", Charts.KYVERNO, Output.of(KyvernoValues.of()),
                provider, kyvernoPrerequisites(name, args));
        createAdmissionPolicies(name, args, account);

        this.monitoringNamespace = new Namespace(name + "-monitoring", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.spec().monitoringNamespace())
                        // Project NetworkPolicies select Prometheus by this namespace's name label, and their
                        // AuthorizationPolicies trust its mesh identity, which it has only in the ambient mesh.
                        .labels(Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE,
                                Labels.COMPONENT, Labels.COMPONENT_PLATFORM,
                                Labels.ROLE, Labels.ROLE_MONITORING,
                                Labels.NAMESPACE_NAME, args.spec().monitoringNamespace(),
                                Labels.AMBIENT, Labels.AMBIENT_VALUE))
                        .build())
                .build(), KubernetesOptions.child(this, provider));

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("monitoringNamespace", monitoringNamespace.metadata().applyValue(m -> m.name().orElse("")));
        outputs.put("istioVersion", Output.of(Charts.ISTIO_VERSION));
        outputs.put("admissionPolicies", Output.of(AdmissionPolicies.generators(
                args.spec().signatureKey().isPresent()).stream().map(AdmissionPolicies.Generator::name).toList()));
        registerOutputs(outputs);
    }

    private List<Release> installIstio(String name, PlatformServicesArgs args, Resource gatewayApi) {
        var provider = args.provider();
        var base = HelmReleases.install(this, name + "-istio-base", Charts.ISTIO_BASE,
                Output.of(IstioValues.base()), provider, List.of(gatewayApi));
        var istiod = HelmReleases.install(this, name + "-istiod", Charts.ISTIOD,
                Output.of(IstioValues.istiod(args.spec().trustDomain())), provider, List.of(base, gatewayApi));
        var cni = HelmReleases.install(this, name + "-istio-cni", Charts.ISTIO_CNI,
                Output.of(IstioValues.cni()), provider, List.of(istiod));
        var ztunnel = HelmReleases.install(this, name + "-ztunnel", Charts.ZTUNNEL,
                Output.of(IstioValues.ztunnel()), provider, List.of(cni));
        return List.of(base, istiod, cni, ztunnel);
    }

    private Release installLoadBalancerController(String name, PlatformServicesArgs args, Output<Identity> account) {
        var chart = Charts.LOAD_BALANCER_CONTROLLER;
        var grant = PodIdentity.grant(this, name, args.stack(), args.clusterName(), new PodIdentity.Binding(
                chart.namespace(), LoadBalancerControllerValues.SERVICE_ACCOUNT, LB_CONTROLLER_ROLE, List.of()));
        String clusterName = Names.cluster(args.stack());
        String targetGroupPrefix = Names.targetGroupPrefix(args.stack());
        var policy = new RolePolicy(Names.logical(name, LB_CONTROLLER_ROLE, "target-group-binding"),
                RolePolicyArgs.builder()
                        .role(grant.role().name())
                        .name("target-group-binding")
                        .policy(account.applyValue(a -> LoadBalancerControllerPolicy.document(a.partition(),
                                args.region(), a.account(), args.stack(), clusterName, targetGroupPrefix)))
                        .build(), CustomResourceOptions.builder().parent(this).build());
        List<Resource> credentials = new ArrayList<>(grant.resources());
        credentials.add(policy);
        Output<Map<String, Object>> values = Output.tuple(args.clusterName(), args.vpcId()).applyValue(t ->
                LoadBalancerControllerValues.of(t.t1, args.region(), t.t2));
        return HelmReleases.install(this, name + "-lb-controller", chart, values, args.provider(), credentials);
    }

    /**
     * Kyverno comes after the mesh; with signature verification on, also after its pod identity, which may pull
     * (and so read signatures) from ECR and nothing else.
     */
    private List<Resource> kyvernoPrerequisites(String name, PlatformServicesArgs args) {
        List<Resource> prerequisites = new ArrayList<>(List.of(istio.get(istio.size() - 1)));
        if (args.spec().signatureKey().isPresent()) {
            prerequisites.addAll(PodIdentity.grant(this, name, args.stack(), args.clusterName(),
                    new PodIdentity.Binding(Charts.KYVERNO.namespace(), KyvernoValues.ADMISSION_SERVICE_ACCOUNT,
                            KYVERNO_ROLE, List.of(ManagedPolicies.ECR_PULL_ONLY))).resources());
        }
        return prerequisites;
    }

    private void createAdmissionPolicies(String name, PlatformServicesArgs args, Output<Identity> account) {
        var spec = args.spec();
        List<String> platformNamespaces = List.of(Charts.ISTIO_NAMESPACE, Charts.KYVERNO.namespace());
        Output<AdmissionContext> context = account.applyValue(a -> new AdmissionContext(a.partition(), a.account(),
                args.region(), Names.iamRole(args.stack(), ADMIN_ROLE),
                spec.allowedRegistries().isEmpty()
                        ? List.of(AdmissionContext.ecrRegistry(a.account(), args.region()))
                        : spec.allowedRegistries(),
                spec.imageSignatureKey(), platformNamespaces));
        for (var generator : AdmissionPolicies.generators(spec.signatureKey().isPresent())) {
            Output<Map<String, Object>> policySpec = context.applyValue(c -> {
                Manifest manifest = generator.build().apply(c);
                if (!manifest.name().equals(generator.name())) {
                    throw new IllegalStateException("admission policy " + generator.name() + " built as "
                            + manifest.name());
                }
                return manifest.spec();
            });
            admissionPolicies.add(new KubernetesCustomResource(name + "-" + generator.name(),
                    KubernetesCustomResourceArgs.builder()
                            .apiVersion(Kyverno.API_VERSION)
                            .kind(Kyverno.KIND)
                            .metadata(ObjectMetaArgs.builder().name(generator.name()).labels(Kyverno.LABELS).build())
                            .spec(policySpec)
                            .build(), KubernetesOptions.child(this, args.provider(), List.of(kyverno))));
        }
    }

    private Output<Identity> callerIdentity() {
        return AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                InvokeOptions.builder().parent(this).build()).applyValue(r -> new Identity(
                r.arn().split(":", 3)[1], r.accountId()));
    }

    private static Map<String, String> platformLabels() {
        return Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.COMPONENT, Labels.COMPONENT_PLATFORM);
    }

    /** The deploying account and its partition. */
    private record Identity(String partition, String account) {
    }

    /** The mesh-wide default PeerAuthentication: STRICT mTLS wherever a namespace sets nothing else. */
    public CustomResource meshWideMtls() {
        return meshWideMtls;
    }

    /** The namespace whose Prometheus may scrape project pods. */
    public Namespace monitoringNamespace() {
        return monitoringNamespace;
    }

    /** The Istio releases in install order: base, istiod, istio-cni, ztunnel. */
    public List<Release> istio() {
        return istio;
    }

    public Release loadBalancerController() {
        return loadBalancerController;
    }

    public Release kyverno() {
        return kyverno;
    }

    /** The admission guards' policies and bindings, in {@link AdmissionGuards} order. */
    public List<CustomResource> guards() {
        return List.copyOf(guards);
    }

    /** Kyverno's ClusterPolicies, in {@link AdmissionPolicies} order. */
    public List<CustomResource> admissionPolicies() {
        return List.copyOf(admissionPolicies);
    }
}
