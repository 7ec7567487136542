package dev.bulkhead.check;

import dev.bulkhead.netpol.Endpoint;
import dev.bulkhead.netpol.Protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One question for {@code reach}: {@code FROM TO PORT[/PROTOCOL] [METHOD PATH]}. The ends are names of the render
 * ({@link EndpointResolver}); this class reads the port, the protocol and the request, and the pod-by-labels form
 * {@code NAMESPACE/key=value,key=value}, optionally followed by {@code @IPv4}.
 */
public final class ReachQuestion {

    static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

    private ReachQuestion() {
    }

    /** Thrown for a question that cannot be understood; the message says which part and why. */
    public static final class BadQuestion extends Exception {
        public BadQuestion(String message) {
            super(message);
        }
    }

    static final Pattern METHOD = Pattern.compile("^[A-Z]{1,20}$");

    /** A question with its ends resolved against a render. */
    public record Parsed(Target from, Target to, int port, Protocol protocol, Optional<HttpRequest> request) {
    }

    /**
     * @param request empty, or the METHOD and PATH of an HTTP request
     */
    public static Parsed parse(EndpointResolver resolver, String from, String to, String port,
                               List<String> request) throws BadQuestion {
        Port flow = port(port);
        Optional<HttpRequest> http = Optional.empty();
        if (!request.isEmpty()) {
            if (request.size() != 2) {
                throw new BadQuestion("request: expected METHOD PATH after the port, e.g. GET /orders");
            }
            String method = request.get(0).toUpperCase(Locale.ROOT);
            if (!METHOD.matcher(method).matches()) {
                throw new BadQuestion("method \"" + request.get(0) + "\": expected an HTTP method, e.g. GET");
            }
            if (!request.get(1).startsWith("/")) {
                throw new BadQuestion("path \"" + request.get(1) + "\": expected a path starting with /, e.g. /orders");
            }
            if (flow.protocol() != Protocol.TCP) {
                throw new BadQuestion("an HTTP request needs TCP, not " + flow.protocol());
            }
            http = Optional.of(new HttpRequest(method, request.get(1), Optional.empty()));
        }
        return new Parsed(resolver.resolve("FROM", from), resolver.resolve("TO", to), flow.number(), flow.protocol(),
                http);
    }

    /** A question's {@code PORT[/PROTOCOL]}. */
    record Port(int number, Protocol protocol) {
    }

    static Port port(String port) throws BadQuestion {
        String[] portAndProtocol = port.split("/", -1);
        if (portAndProtocol.length > 2) {
            throw new BadQuestion("port \"" + port + "\": expected PORT or PORT/PROTOCOL, e.g. 443 or 53/UDP");
        }
        int number;
        try {
            number = Integer.parseInt(portAndProtocol[0]);
        } catch (NumberFormatException e) {
            throw new BadQuestion("port \"" + port + "\": not a number; expected 1-65535, e.g. 443 or 53/UDP");
        }
        if (number < 1 || number > 65535) {
            throw new BadQuestion("port \"" + port + "\": out of range; expected 1-65535");
        }
        Protocol protocol = Protocol.TCP;
        if (portAndProtocol.length == 2) {
            try {
                protocol = Protocol.valueOf(portAndProtocol[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadQuestion("protocol \"" + portAndProtocol[1] + "\": expected TCP, UDP or SCTP");
            }
        }
        return new Port(number, protocol);
    }

    static Endpoint endpoint(String role, String text) throws BadQuestion {
        if (IPV4.matcher(text).matches()) {
            return new Endpoint.External(address(role, text));
        }
        String pod = text;
        Optional<String> ip = Optional.empty();
        int at = text.indexOf('@');
        if (at >= 0) {
            ip = Optional.of(address(role, text.substring(at + 1)));
            pod = text.substring(0, at);
        }
        int slash = pod.indexOf('/');
        String namespace = slash < 0 ? pod : pod.substring(0, slash);
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new BadQuestion(role + " \"" + text + "\": \"" + namespace + "\" is not a namespace name; write "
                    + "NAMESPACE, NAMESPACE/key=value,... (optionally @IPv4), or an IPv4 address");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (slash >= 0) {
            for (String pair : pod.substring(slash + 1).split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new BadQuestion(role + " \"" + text + "\": label \"" + pair + "\" is not key=value");
                }
                labels.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        Endpoint.Pod result = Endpoint.Pod.of(namespace, labels);
        return ip.isPresent() ? result.withIp(ip.get()) : result;
    }

    private static String address(String role, String text) throws BadQuestion {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            throw new BadQuestion(role + ": \"" + text + "\" is not an IPv4 address");
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                throw new BadQuestion(role + ": \"" + text + "\" is not an IPv4 address");
            }
        }
        return text;
    }
}
