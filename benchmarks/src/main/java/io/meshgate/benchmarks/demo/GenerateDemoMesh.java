package io.meshgate.benchmarks.demo;

import java.nio.file.Path;

/**
 * Command line for {@link DemoMesh#ensure}: {@code GenerateDemoMesh [--scale SF] [--data DIR]},
 * scale factor 1 and directory {@code meshgate-data} by default.
 */
public final class GenerateDemoMesh {
    private static final String USAGE = "usage: GenerateDemoMesh [--scale SF] [--data DIR]";

    private GenerateDemoMesh() {
    }

    public static void main(String[] args) {
        double scale = 1;
        Path data = Path.of("meshgate-data");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                fail("missing value after " + args[i]);
            }
            switch (args[i]) {
                case "--scale" -> scale = parseScale(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> fail("unknown option " + args[i]);
            }
        }
        DemoMesh.ensure(data, scale, System.out);
    }

    private static double parseScale(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            fail("scale factor '" + value + "' is not a number (use e.g. 0.1 or 1)");
            throw new IllegalStateException("unreachable");
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
