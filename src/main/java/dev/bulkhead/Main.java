package dev.bulkhead;

import dev.bulkhead.cli.BulkheadCommand;
import dev.bulkhead.config.ConfigException;
import dev.bulkhead.config.SettingsParser;
import dev.bulkhead.config.StackSettings;
import dev.bulkhead.program.BulkheadProgram;
import dev.bulkhead.runtime.EngineRun;
import dev.bulkhead.runtime.FatalErrors;

/**
 * The one entry point. Started by the Pulumi engine ({@code pulumi up}: the engine sets {@code PULUMI_MONITOR}
 * and passes no arguments) it runs the program with the stack's config; started with arguments it is the
 * {@code bulkhead} command line ({@code render}, {@code check}, ...).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        FatalErrors.haltOnUncaught();
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            runUnderEngine();
            return;
        }
        System.exit(BulkheadCommand.commandLine().execute(args));
    }

    private static void runUnderEngine() {
        String stack = System.getenv("PULUMI_STACK");
        StackSettings settings;
        try {
            // Parsed and validated before Pulumi.run, so a bad config registers nothing.
            settings = SettingsParser.fromEngineConfig(stack, SettingsParser.engineConfigFromEnvironment());
        } catch (ConfigException e) {
            System.err.println("bulkhead: the configuration of stack " + stack + " is not valid:");
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(EngineRun.run(ctx -> BulkheadProgram.define(ctx, settings)));
    }
}
