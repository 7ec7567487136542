package dev.bulkhead.cli;

import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.ProjectStackSettings;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.render.RenderException;
import dev.bulkhead.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bulkhead render}: runs the program under the mock engine and writes everything it would create. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Render a stack offline: write every resource it would create.",
                "Runs the real program under the Pulumi SDK's mock engine with the settings of Pulumi.<stack>.yaml",
                "and writes resources.json, kubernetes/ and aws/ to the output directory, which is replaced only",
                "when the render succeeds. With --project, renders that project's stack as the operator runs it",
                "under a platform stack (its Stack's config: the platform's config, layer project).",
                "Also writes intent.json: the flows the config declares, which check judges the render against."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "1:the configuration is not valid, or the program failed (nothing written)",
                "2:usage error"})
public final class RenderCommand implements Callable<Integer> {

    @Option(names = {"-s", "--stack"}, required = true,
            description = "the stack to render (reads Pulumi.<stack>.yaml)")
    String stack;

    @Option(names = {"-v", "--verbose"}, description = "also list the resources per component, project and type")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
    boolean quiet;

    @Option(names = "--project", description = "render this project's stack, run by the operator under --stack "
            + "(a platform layer); output defaults to out/<stack>-<project>")
    String project;

    @Option(names = "--out", description = "output directory (default: out/<stack>, or out/<stack>-<project>)")
    Path out;

    @Option(names = "--root", defaultValue = "${sys:bulkhead.root:-.}",
            description = "project root holding Pulumi.<stack>.yaml (default: the directory of ./bulkhead)")
    Path root;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    /** A directory under the working directory as a relative path, as a person would type it. */
    static Path shown(Path dir) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute) : dir;
    }

    int run(PrintStream stdout, PrintStream stderr) {
        Path outDir = shown(out != null ? out : root.resolve("out").resolve(project == null ? stack : stack + "-" + project));
        StackSettings settings;
        try {
            settings = SettingsParser.fromStackFile(root, stack);
            if (project != null) {
                settings = ProjectStackSettings.of(settings, project);
            }
        } catch (ConfigException e) {
            stderr.println("bulkhead render: the configuration of stack " + stack + " is not valid ("
                    + e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s") + "); nothing was written:");
            stderr.println(e.getMessage());
            return 1;
        }
        try {
            String summary = Renderer.render(settings, outDir, verbose);
            if (!quiet) {
                stdout.print(summary);
            }
            return 0;
        } catch (RenderException | UncheckedIOException e) {
            stderr.println("bulkhead render: " + e.getMessage() + "; " + outDir + " was left as it was");
            return 1;
        }
    }
}
