package dev.bulkhead.cli;

import dev.bulkhead.check.Reachability;
import dev.bulkhead.check.ReachQuestion;
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
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bulkhead reach DIR FROM TO PORT[/PROTOCOL]}: may this one flow happen in the render, and why. */
@Command(name = "reach", mixinStandardHelpOptions = true,
        description = {"Ask whether one flow is allowed in a render, and which policies decided.",
                "Judged by the render's NetworkPolicies and, between two pods of the ambient mesh, by Istio's L4",
                "authorization.",
                "FROM and TO: NAMESPACE or NAMESPACE/key=value,key=value, optionally @IPv4 (the pod's address),",
                "or an IPv4 address outside the cluster. PORT: 1-65535, optionally /TCP, /UDP or /SCTP.",
                "Example: bulkhead reach out/dev shop-web billing 8080"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed (with --batch: every question understood)", "1:denied",
                "2:a question or DIR cannot be understood"})
public final class ReachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a render directory, e.g. out/dev")
    Path dir;

    @Parameters(index = "1..*", arity = "0..3", paramLabel = "FROM TO PORT", description = "the question")
    List<String> question = List.of();

    @Option(names = "--batch", paramLabel = "FILE",
            description = "answer one question per line of FILE (- for standard input), one answer line each")
    String batch;

    @Override
    public Integer call() {
        return run(System.in, System.out, System.err);
    }

    int run(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        if ((batch == null) == (question.size() != 3)) {
            stderr.println("bulkhead reach: give either FROM TO PORT or --batch FILE");
            return 2;
        }
        RenderView view;
        try {
            view = UnreadableRender.read(dir);
        } catch (UnreadableRender e) {
            stderr.println("bulkhead reach: " + e.getMessage());
            return 2;
        }
        Reachability reachability = new Reachability(view);
        if (batch == null) {
            try {
                var answer = reachability.answer(ReachQuestion.parse(question.get(0), question.get(1),
                        question.get(2)));
                stdout.println(answer.allowed() ? "ALLOWED" : "DENIED");
                stdout.println("  " + answer.explanation());
                return answer.allowed() ? 0 : 1;
            } catch (ReachQuestion.BadQuestion e) {
                stderr.println("bulkhead reach: " + e.getMessage());
                return 2;
            }
        }
        return batch(reachability, stdin, stdout, stderr);
    }

    private int batch(Reachability reachability, InputStream stdin, PrintStream stdout, PrintStream stderr) {
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
        for (String line : lines) {
            number++;
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 3) {
                stdout.println("INVALID line " + number + ": expected FROM TO PORT[/PROTOCOL], got \"" + line + "\"");
                understood = false;
                continue;
            }
            try {
                stdout.println(reachability.answer(ReachQuestion.parse(fields[0], fields[1], fields[2])).line());
            } catch (ReachQuestion.BadQuestion e) {
                stdout.println("INVALID line " + number + ": " + e.getMessage());
                understood = false;
            }
        }
        return understood ? 0 : 2;
    }
}
