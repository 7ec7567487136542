package dev.bulkhead.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulkhead} command line: offline tools around the Pulumi program. */
@Command(name = "bulkhead",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Zero-trust multi-tenant EKS platform, as a Pulumi program.",
                "Run `pulumi up` to deploy; use these commands to see and prove what it would create, offline."},
        subcommands = {RenderCommand.class, CheckCommand.class, ReachCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command ran and failed (e.g. invalid configuration)", "2:usage error"})
public final class BulkheadCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * The command line as {@code Main} runs it: a usage error prints one line and where to find the help, not the
     * whole help, and exits 2.
     */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new BulkheadCommand());
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            failed.getErr().println(name + ": " + e.getMessage());
            failed.getErr().println("Try '" + name + " --help' for more information.");
            return 2;
        });
        return line;
    }
}
