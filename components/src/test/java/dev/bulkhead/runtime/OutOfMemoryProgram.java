package dev.bulkhead.runtime;

import com.pulumi.core.Output;
import com.pulumi.test.TestOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * A program that runs out of memory under {@link MockEngineRun}, in the program itself ({@code program}) or in an
 * apply ({@code apply}); run in a JVM of its own with a small heap by {@link FatalErrorsTest}. It must never reach
 * the end of {@code main}.
 */
public final class OutOfMemoryProgram {

    private OutOfMemoryProgram() {
    }

    public static void main(String[] args) {
        boolean inApply = args.length > 0 && args[0].equals("apply");
        var result = MockEngineRun.run(new ThingMocks(), TestOptions.builder().projectName("oom").stackName("test")
                .build(), ctx -> {
            new Thing("before");
            if (inApply) {
                ctx.export("hog", Output.of(1).applyValue(n -> exhaust()));
            } else {
                exhaust();
            }
        });
        System.out.println("the run ended with exit code " + result.exitCode());
        System.exit(0);
    }

    private static int exhaust() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }
}
