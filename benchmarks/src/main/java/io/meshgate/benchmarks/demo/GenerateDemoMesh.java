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
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        DemoMesh.ensure(options.data(), options.scale(), System.out);
    }

    private record Options(double scale, Path data) {
        static Options parse(String[] args) {
            double scale = 1;
            Path data = Path.of("meshgate-data");
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Cannot read options: " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--scale" -> scale = parseScale(value);
                    case "--data" -> data = Path.of(value);
                    default -> throw new IllegalArgumentException("Cannot read options: unknown option " + args[i]);
                }
            }
            return new Options(scale, data);
        }

        private static double parseScale(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Cannot read options: scale factor '" + value + "' is not a number (use e.g. 0.1 or 1)", e);
            }
        }
    }
}
