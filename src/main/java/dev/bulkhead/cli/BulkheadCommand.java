package dev.bulkhead.cli;

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
        new picocli.CommandLine(this).usage(System.out);
    }
}
