package io.meshgate.server.shell;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The output formats of {@code meshgate sql}, chosen with {@code --format} (and {@code \x} for expanded). */
enum OutputFormat {
    /** Columns padded to a common width under a header, numbers flush right, NULL as {@code NULL}, then {@code (n rows)}. */
    ALIGNED,
    /** One {@code name | value} line per column and a {@code -[ RECORD n ]} line per row, like psql's {@code \x}. */
    EXPANDED,
    /** RFC 4180 quoting with a header line; NULL is an empty field, an empty string is {@code ""}. */
    CSV,
    /** Tab-separated with a header line; tab, newline, carriage return and backslash escaped; NULL is an empty field. */
    TSV,
    /** One JSON object per row and line (JSON Lines). */
    JSON;

    /** The format named {@code name} (case-insensitive), if there is one. */
    static Optional<OutputFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.label().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the output is for people (with a row count footer) rather than for programs. */
    boolean isForPeople() {
        return this == ALIGNED || this == EXPANDED;
    }

    ResultFormatter formatter(PrintStream out) {
        return switch (this) {
            case ALIGNED -> new AlignedFormatter(out, AlignedFormatter.SIZING_ROWS);
            case EXPANDED -> new ExpandedFormatter(out);
            case CSV -> new DelimitedFormatter(out, DelimitedFormatter.Dialect.CSV);
            case TSV -> new DelimitedFormatter(out, DelimitedFormatter.Dialect.TSV);
            case JSON -> new JsonLinesFormatter(out);
        };
    }
}
