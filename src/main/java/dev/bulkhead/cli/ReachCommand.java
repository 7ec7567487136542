package dev.bulkhead.cli;

import com.google.gson.GsonBuilder;
import dev.bulkhead.check.EndpointResolver;
import dev.bulkhead.check.ReachAnswer;
import dev.bulkhead.check.ReachQuestion;
import dev.bulkhead.check.Reachability;
import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.UnreadableRender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bulkhead reach DIR FROM TO PORT[/PROTOCOL] [METHOD PATH]}: may this flow happen in the render, and why. */
@Command(name = "reach", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Ask whether a flow is allowed in a render, which layer decided, and what would change it.",
                "Judged by the render's NetworkPolicies and Istio's authorization (ztunnel at L4, waypoints and",
                "gateways at L7), as check judges every flow of its matrix.",
                "FROM and TO: a project, a namespace, a Service (ns/name or name.ns), a workload (ns/app), a",
                "gateway (ns/name), an external host (api.example.com; TO only), a pod by labels",
                "(ns/key=value,... optionally @IPv4), an IPv4 address, or node. Prefix project:, namespace:,",
                "service:, workload:, gateway:, host: or pod: to remove any doubt.",
                "PORT: 1-65535, optionally /TCP, /UDP or /SCTP. METHOD PATH: an HTTP request, for L7 rules.",
                "Example: bulkhead reach out/dev billing orders.shop-gateway 80"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed (with --batch: every question understood)", "1:denied, or allowed for only some",
                "   of the pods the names stand for", "2:a question or DIR cannot be understood"})
public final class ReachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a render directory, e.g. out/dev")
    Path dir;

    @Parameters(index = "1..*", arity = "0..5", paramLabel = "FROM TO PORT [METHOD PATH]", description = "the question")
    List<String> question = List.of();

    @Option(names = "--batch", paramLabel = "FILE",
            description = "answer one question per line of FILE (- for standard input), one answer line each")
    String batch;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (documented in docs/check.md)")
    String output;

    @Override
    public Integer call() {
        return run(System.in, System.out, System.err);
    }

    int run(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        boolean single = question.size() == 3 || question.size() == 5;
        if ((batch == null) != single) {
            stderr.println("bulkhead reach: give either FROM TO PORT [METHOD PATH] or --batch FILE");
            stderr.println("Try 'bulkhead reach --help' for more information.");
            return 2;
        }
        if (!output.equals("text") && !output.equals("json")) {
            stderr.println("bulkhead reach: --output " + output + ": expected text or json");
            return 2;
        }
        RenderView view;
        try {
            view = UnreadableRender.read(dir, false);
        } catch (UnreadableRender e) {
            stderr.println("bulkhead reach: " + e.getMessage());
            return 2;
        }
        Reachability reachability = new Reachability(view);
        EndpointResolver resolver = new EndpointResolver(view);
        if (batch == null) {
            try {
                ReachAnswer answer = ask(view, reachability, resolver, question);
                stdout.print(output.equals("json") ? json(answer.json()) : answer.text());
                return answer.verdict().exitCode();
            } catch (ReachQuestion.BadQuestion e) {
                stderr.println("bulkhead reach: " + e.getMessage());
                return 2;
            }
        }
        return batch(view, reachability, resolver, stdin, stdout, stderr);
    }

    private static ReachAnswer ask(RenderView view, Reachability reachability, EndpointResolver resolver,
                                   List<String> fields) throws ReachQuestion.BadQuestion {
        var parsed = ReachQuestion.parse(resolver, fields.get(0), fields.get(1), fields.get(2),
                fields.subList(3, fields.size()));
        return ReachAnswer.ask(view, reachability, parsed.from(), parsed.to(), parsed.port(), parsed.protocol(),
                parsed.request());
    }

    private int batch(RenderView view, Reachability reachability, EndpointResolver resolver, InputStream stdin,
                      PrintStream stdout, PrintStream stderr) {
        List<String> lines;
        try {
            lines = batch.equals("-")
                    ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).lines().toList()
                    : Files.readAllLines(Path.of(batch), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            stderr.println("bulkhead reach: cannot read " + batch + ": " + e.getMessage());
            return 2;
        }
        boolean understood = true;
        int number = 0;
        List<Object> answers = new ArrayList<>();
        for (String line : lines) {
            number++;
            List<String> fields = List.of(line.trim().split("\\s+"));
            String invalid = null;
            if (fields.size() != 3 && fields.size() != 5) {
                invalid = "expected FROM TO PORT[/PROTOCOL] [METHOD PATH], got \"" + line + "\"";
            } else {
                try {
                    ReachAnswer answer = ask(view, reachability, resolver, fields);
                    if (output.equals("json")) {
                        answers.add(answer.json());
                    } else {
                        stdout.println(answer.line());
                    }
                } catch (ReachQuestion.BadQuestion e) {
                    invalid = e.getMessage().replace('\n', ' ');
                }
            }
            if (invalid != null) {
                understood = false;
                if (output.equals("json")) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("line", number);
                    error.put("invalid", invalid);
                    answers.add(error);
                } else {
                    stdout.println("INVALID line " + number + ": " + invalid);
                }
            }
        }
        if (output.equals("json")) {
            stdout.print(json(answers));
        }
        return understood ? 0 : 2;
    }

    static String json(Object value) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(value)
                + "\n";
    }
}
