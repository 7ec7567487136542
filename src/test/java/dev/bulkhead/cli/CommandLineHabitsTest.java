package dev.bulkhead.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as Pulumi and kubectl users expect it: -s, -V, short usage errors. */
class CommandLineHabitsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = BulkheadCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void aUsageErrorIsOneLineAndThePointerToHelp() {
        assertEquals(2, run("render", "--stak", "dev"));
        String[] lines = err.toString().strip().split("\n");
        assertEquals(2, lines.length, err.toString());
        assertTrue(lines[0].startsWith("bulkhead render: "), lines[0]);
        assertEquals("Try 'bulkhead render --help' for more information.", lines[1]);
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertEquals(0, run("-V"));
        assertTrue(out.toString().matches("bulkhead \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\s*"), out.toString());
    }

    @Test
    void theStackIsDashSAsPulumiSpellsIt() {
        var command = new RenderCommand();
        new CommandLine(command).parseArgs("-s", "dev", "-q", "-v");
        assertEquals("dev", command.stack);
        assertTrue(command.quiet && command.verbose);
    }
}
