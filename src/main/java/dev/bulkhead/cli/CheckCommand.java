package dev.bulkhead.cli;

import dev.bulkhead.check.CheckReport;
import dev.bulkhead.check.RenderView;
import dev.bulkhead.check.UnreadableRender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code bulkhead check DIR}: the offline security gate over a render directory. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Prove the platform's promises on a render directory.",
                "Reads DIR/resources.json and DIR/intent.json (the flows the config declares), applies every rule",
                "(cluster, access, isolation, connectivity, ingress, limits), prints a summary and writes",
                "DIR/check.md (matrix, classes, violations) and DIR/check.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every rule holds (warnings allowed)", "1:a rule is violated",
                "2:DIR/resources.json or DIR/intent.json cannot be read or is malformed"})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a render directory, e.g. out/dev")
    Path dir;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): the summary; json: check.json's content on standard output")
    String output;

    @Option(names = {"-q", "--quiet"}, description = "print only the verdict line (and nothing with --output json)")
    boolean quiet;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream stdout, PrintStream stderr) {
        if (!output.equals("text") && !output.equals("json")) {
            stderr.println("bulkhead check: --output " + output + ": expected text or json");
            return 2;
        }
        RenderView view;
        try {
            view = UnreadableRender.read(dir);
        } catch (UnreadableRender e) {
            stderr.println("bulkhead check: " + e.getMessage());
            return 2;
        }
        CheckReport report;
        try {
            report = CheckReport.of(view);
        } catch (IllegalArgumentException e) {
            // a hand-edited value the rules cannot read (an address that is not one, say)
            stderr.println("bulkhead check: " + dir.resolve("resources.json") + " cannot be judged: " + e.getMessage());
            return 2;
        }
        String json = report.json();
        try {
            write(dir.resolve("check.md"), report.markdown());
            write(dir.resolve("check.json"), json);
        } catch (IOException e) {
            stderr.println("bulkhead check: cannot write the report into " + dir + ": " + e.getMessage());
            return 2;
        }
        if (output.equals("json")) {
            stdout.print(json);
        } else if (quiet) {
            stdout.print(report.summary(dir.toString()).lines().findFirst().orElse("") + "\n");
        } else {
            stdout.print(report.summary(dir.toString()));
            stdout.println("report: " + dir.resolve("check.md") + ", " + dir.resolve("check.json"));
        }
        return report.passed() ? 0 : 1;
    }

    /** Replaces {@code file} whole or not at all. */
    private static void write(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
