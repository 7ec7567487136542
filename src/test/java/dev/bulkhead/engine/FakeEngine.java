package dev.bulkhead.engine;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.pulumi.Log;
import com.pulumi.core.internal.Urn;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.serialization.internal.Serializer;
import com.pulumi.test.Mocks;
import dev.bulkhead.mock.PlausibleMocks;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Resource;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Pulumi engine and resource monitor on loopback, as a deployment's program sees them through
 * {@code PULUMI_ENGINE} and {@code PULUMI_MONITOR}: gRPC servers of the engine's own contracts ({@code pulumirpc.*}
 * from the SDK jar). Every registration and invoke is answered by {@link PlausibleMocks}, converted exactly as the
 * SDK's mock monitor converts them for {@code render}, so a program sees the same outputs under both. Whatever the
 * program sends is recorded.
 */
final class FakeEngine implements AutoCloseable {

    /** One {@code RegisterResource} call, with its inputs as the mocks received them. */
    record Registration(String urn, String type, String name, String parent, String provider, String version,
                        boolean custom, boolean remote, Map<String, Object> inputs) {
    }

    /** One {@code Log} call. */
    record LogEntry(EngineOuterClass.LogSeverity severity, String message, String urn) {
    }

    private final String stack;
    private final String project;
    private final PlausibleMocks mocks;
    private final Deserializer deserializer = new Deserializer(Log.ignore());
    private final Serializer serializer = new Serializer(Log.ignore());
    private final List<Registration> registrations = new ArrayList<>();
    private final List<LogEntry> logs = new ArrayList<>();
    private final List<String> unexpectedCalls = new ArrayList<>();
    private final AtomicReference<String> rootResource = new AtomicReference<>("");
    private final AtomicLong firstRegistrationNanos = new AtomicLong();
    private final Server monitor;
    private final Server engine;

    FakeEngine(String stack, String project, String region) throws IOException {
        this.stack = stack;
        this.project = project;
        this.mocks = new PlausibleMocks(region);
        this.monitor = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Monitor()).build().start();
        this.engine = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Engine()).build().start();
    }

    String monitorAddress() {
        return "127.0.0.1:" + monitor.getPort();
    }

    String engineAddress() {
        return "127.0.0.1:" + engine.getPort();
    }

    synchronized List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    synchronized List<LogEntry> logs() {
        return List.copyOf(logs);
    }

    /** Calls of the contract this engine does not serve; a program that makes one fails. */
    synchronized List<String> unexpectedCalls() {
        return List.copyOf(unexpectedCalls);
    }

    /** {@link System#nanoTime()} when the first {@code RegisterResource} arrived; 0 before. */
    long firstRegistrationNanos() {
        return firstRegistrationNanos.get();
    }

    @Override
    public void close() throws InterruptedException {
        monitor.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        engine.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private synchronized void unexpected(String call) {
        unexpectedCalls.add(call);
    }

    /** The request's properties as the SDK's mock monitor hands them to mocks: known, non-null values only. */
    private Map<String, Object> plain(Struct struct) {
        var map = ImmutableMap.<String, Object>builder();
        struct.getFieldsMap().forEach((key, value) -> {
            var data = deserializer.deserialize(value);
            if (data.isKnown() && data.getValueOptional().isPresent()) {
                map.put(key, data.getValueOptional().get());
            }
        });
        return map.build();
    }

    private Struct struct(Map<String, Object> state) {
        @SuppressWarnings("unchecked")
        var serialized = (Map<String, Object>) serializer.serializeAsync("FakeEngine", ImmutableMap.copyOf(state), true)
                .join();
        return Serializer.createStruct(serialized);
    }

    private static <T> void answer(StreamObserver<T> observer, CompletableFuture<T> response) {
        response.whenComplete((value, error) -> {
            if (error != null) {
                observer.onError(Status.INTERNAL.withDescription(String.valueOf(error)).withCause(error)
                        .asRuntimeException());
            } else {
                observer.onNext(value);
                observer.onCompleted();
            }
        });
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(Resource.SupportsFeatureRequest request,
                                    StreamObserver<Resource.SupportsFeatureResponse> observer) {
            // as the SDK's mock monitor answers for render
            observer.onNext(Resource.SupportsFeatureResponse.newBuilder()
                    .setHasSupport(!"outputValues".equals(request.getId())).build());
            observer.onCompleted();
        }

        @Override
        public void registerResource(Resource.RegisterResourceRequest request,
                                     StreamObserver<Resource.RegisterResourceResponse> observer) {
            firstRegistrationNanos.compareAndSet(0, System.nanoTime());
            String urn = Urn.create(stack, project, Optional.of(request.getParent()), request.getType(),
                    request.getName());
            Map<String, Object> inputs = plain(request.getObject());
            synchronized (FakeEngine.this) {
                registrations.add(new Registration(urn, request.getType(), request.getName(), request.getParent(),
                        request.getProvider(), request.getVersion(), request.getCustom(), request.getRemote(),
                        inputs));
            }
            if (request.getType().equals("pulumi:pulumi:Stack")) {
                observer.onNext(Resource.RegisterResourceResponse.newBuilder().setUrn(urn)
                        .setObject(Struct.getDefaultInstance()).build());
                observer.onCompleted();
                return;
            }
            answer(observer, mocks.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                    inputs, request.getProvider(), request.getImportId())).thenApply(result -> {
                        @SuppressWarnings("unchecked")
                        var state = result.state == null ? Map.<String, Object>of() : (Map<String, Object>) result.state;
                        var response = Resource.RegisterResourceResponse.newBuilder().setUrn(urn)
                                .setObject(struct(state));
                        response.setId(result.id.orElse(request.getImportId()));
                        return response.build();
                    }));
        }

        @Override
        public void registerResourceOutputs(Resource.RegisterResourceOutputsRequest request,
                                            StreamObserver<Empty> observer) {
            observer.onNext(Empty.getDefaultInstance());
            observer.onCompleted();
        }

        @Override
        public void invoke(Resource.ResourceInvokeRequest request,
                           StreamObserver<Resource.ResourceInvokeResponse> observer) {
            var args = ImmutableMap.copyOf(plain(request.getArgs()));
            answer(observer, mocks.callAsync(new Mocks.CallArgs(request.getTok(), args, request.getProvider()))
                    .thenApply(result -> Resource.ResourceInvokeResponse.newBuilder()
                            .setReturn(struct(new LinkedHashMap<>(result))).build()));
        }

        @Override
        public void registerPackage(Resource.RegisterPackageRequest request,
                                    StreamObserver<Resource.RegisterPackageResponse> observer) {
            observer.onNext(Resource.RegisterPackageResponse.newBuilder().setRef("fake-" + request.getName()).build());
            observer.onCompleted();
        }

        @Override
        public void readResource(Resource.ReadResourceRequest request,
                                 StreamObserver<Resource.ReadResourceResponse> observer) {
            unexpected("ReadResource " + request.getType() + " " + request.getName());
            observer.onError(Status.UNIMPLEMENTED.asRuntimeException());
        }

        @Override
        public void call(Resource.ResourceCallRequest request,
                         StreamObserver<pulumirpc.Provider.CallResponse> observer) {
            unexpected("Call " + request.getTok());
            observer.onError(Status.UNIMPLEMENTED.asRuntimeException());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {

        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> observer) {
            synchronized (FakeEngine.this) {
                logs.add(new LogEntry(request.getSeverity(), request.getMessage(), request.getUrn()));
            }
            observer.onNext(Empty.getDefaultInstance());
            observer.onCompleted();
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> observer) {
            observer.onNext(EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(rootResource.get()).build());
            observer.onCompleted();
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> observer) {
            rootResource.set(request.getUrn());
            observer.onNext(EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
            observer.onCompleted();
        }
    }
}
