package io.meshgate.server.metrics;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes metrics in Prometheus' text exposition format (version 0.0.4): for each family a
 * {@code # HELP} and a {@code # TYPE} line, then its samples, label values escaped (backslash,
 * double quote, line feed) and help text escaped (backslash, line feed).
 */
public final class PrometheusText {
    /** The content type of the text this writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The kinds of metric this writes. */
    public enum Type {
        COUNTER, GAUGE
    }

    private final StringBuilder text = new StringBuilder();
    private String family = "";

    /** Starts a family: its help and type lines. Samples added next belong to it. */
    public PrometheusText family(String name, Type type, String help) {
        requireNonNull(type, "type is null");
        requireNonNull(help, "help is null");
        if (!METRIC_NAME.matcher(requireNonNull(name, "name is null")).matches()) {
            throw new IllegalArgumentException("Cannot write metric '" + name + "': not a valid Prometheus metric name");
        }
        family = name;
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT)).append('\n');
        return this;
    }

    /** A sample of the current family with {@code labels} (in the order given). */
    public PrometheusText sample(Map<String, String> labels, double value) {
        if (family.isEmpty()) {
            throw new IllegalStateException("Cannot write a sample: start a family first");
        }
        text.append(family);
        if (!labels.isEmpty()) {
            text.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!LABEL_NAME.matcher(label.getKey()).matches()) {
                    throw new IllegalArgumentException("Cannot write label '" + label.getKey() + "': not a valid Prometheus label name");
                }
                text.append(separator).append(label.getKey()).append("=\"").append(escapeLabelValue(label.getValue())).append('"');
                separator = ",";
            }
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** Labels in the order given, for {@link #sample}. */
    public static Map<String, String> labels(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Cannot build labels: give names and values in pairs");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], requireNonNull(namesAndValues[i + 1], "label value is null"));
        }
        return labels;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction, as counters are usually shown; others as Java writes doubles. */
    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }
}
