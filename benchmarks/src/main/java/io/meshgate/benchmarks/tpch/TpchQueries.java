package io.meshgate.benchmarks.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The 22 TPC-H queries over the demo mesh's names, as shipped in this package's resources. */
public final class TpchQueries {
    public static final int COUNT = 22;

    private TpchQueries() {
    }

    /** The text of query {@code number}, 1 to 22. */
    public static String text(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("Cannot read TPC-H query " + number + ": queries are numbered 1 to " + COUNT);
        }
        String resource = String.format(Locale.ROOT, "q%02d.sql", number);
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cannot read TPC-H query " + number + ": resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read TPC-H query " + number, e);
        }
    }
}
