package dev.bulkhead.mock;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mocks for the Pulumi Java SDK's test engine that answer like AWS and Kubernetes would: every resource gets a
 * deterministic id and the outputs other resources read from it (ARNs in the given region and account, the EKS
 * endpoint and certificate, ALB DNS names), and the invokes the components use answer with plausible data. It
 * also records every registration, which is how {@code render} and the tests see the inputs of each resource.
 */
public final class PlausibleMocks implements Mocks {

    /** The account used when none is given: AWS's documentation example account. */
    public static final String EXAMPLE_ACCOUNT = "111122223333";

    private final String region;
    private final String account;
    private final Map<String, RecordedResource> recorded = new ConcurrentHashMap<>();

    public PlausibleMocks(String region, String account) {
        this.region = region;
        this.account = account;
    }

    public PlausibleMocks(String region) {
        this(region, EXAMPLE_ACCOUNT);
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    /** Everything registered so far, keyed by {@code type::name}. */
    public Map<String, RecordedResource> recorded() {
        return Map.copyOf(recorded);
    }

    /** The recorded resource of this type and logical name, if it was registered. */
    public Optional<RecordedResource> find(String type, String name) {
        return Optional.ofNullable(recorded.get(key(type, name)));
    }

    /** All recorded resources of one type, in no particular order. */
    public List<RecordedResource> ofType(String type) {
        List<RecordedResource> result = new ArrayList<>();
        for (RecordedResource r : recorded.values()) {
            if (r.type().equals(type)) {
                result.add(r);
            }
        }
        return result;
    }

    public static String key(String type, String name) {
        return type + "::" + name;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Optional<String> provider = Optional.ofNullable(args.provider)
                .filter(p -> !p.isEmpty())
                .map(p -> p.substring(0, p.lastIndexOf("::")));
        RecordedResource previous = recorded.putIfAbsent(key(args.type, args.name),
                new RecordedResource(args.type, args.name, args.inputs, provider));
        if (previous != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "two resources share the type and name " + key(args.type, args.name)));
        }
        if (args.type.startsWith("bulkhead:")) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), Map.of()));
        }
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        String id = PlausibleIds.id(args.type, args.name, args.inputs);
        AwsOutputs.add(args.type, args.name, args.inputs, region, account, state);
        TlsOutputs.add(args.type, args.name, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> availabilityZones();
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", account, "arn", "arn:aws:iam::" + account + ":user/render",
                    "userId", "AIDAEXAMPLE", "id", account);
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region,
                    "description", region, "endpoint", "ec2." + region + ".amazonaws.com");
            case "aws:index/getPartition:getPartition" -> Map.of("partition", "aws", "dnsSuffix", "amazonaws.com",
                    "id", "aws", "reverseDnsPrefix", "com.amazonaws");
            case "aws:ssm/getParameter:getParameter" -> ssmParameter(argument(args, "name"));
            // the account Elastic Load Balancing writes access logs from, in regions older than August 2022
            case "aws:elb/getServiceAccount:getServiceAccount" -> Map.of(
                    "id", "1" + hex("elb" + region, 11).replaceAll("[a-f]", "7"),
                    "arn", "arn:aws:iam::" + "1" + hex("elb" + region, 11).replaceAll("[a-f]", "7") + ":root");
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(result);
    }

    private Map<String, Object> availabilityZones() {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (char c = 'a'; c <= 'f'; c++) {
            names.add(region + c);
            ids.add(region.replace("-", "").substring(0, 3) + "1-az" + (c - 'a' + 1));
        }
        return Map.of("names", names, "zoneIds", ids, "id", region, "state", "available");
    }

    /**
     * One argument of an invoke. {@code CallArgs.args} is typed as Guava's ImmutableMap, which is not on this
     * module's compile path, so it is read as a plain Map.
     */
    private static Object argument(CallArgs args, String name) {
        try {
            return ((Map<?, ?>) CallArgs.class.getField("args").get(args)).get(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the mock engine's CallArgs has no args field", e);
        }
    }

    /** A String parameter whose value is a plausible AMI id, as the public {@code /aws/service/ami-*} ones are. */
    private Map<String, Object> ssmParameter(Object name) {
        String parameter = String.valueOf(name);
        return Map.of("name", parameter, "id", parameter, "type", "String",
                "value", "ami-0" + hex("ssm" + parameter, 16), "insecureValue", "ami-0" + hex("ssm" + parameter, 16),
                "version", 1, "arn", "arn:aws:ssm:" + region + "::parameter" + parameter);
    }

    static String hex(String seed, int chars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
