package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The table properties a data product is described by, and how they are read: {@value #OWNER},
 * {@value #CONTACT}, {@value #DESCRIPTION}, {@value #FRESHNESS_SLA} (a duration, see
 * {@link Durations}), {@value #VERSION}, {@value #STATUS} (see {@link ProductStatus}),
 * {@value #SUNSET} (an ISO date, {@code 2027-06-30}) and {@value #ACCESS}. Blank values count as
 * absent; a value that cannot be read is reported and left out, so one bad property never hides
 * the table.
 */
public final class ProductProperties {
    public static final String OWNER = "meshgate.owner";
    public static final String CONTACT = "meshgate.contact";
    public static final String DESCRIPTION = "meshgate.description";
    public static final String FRESHNESS_SLA = "meshgate.sla.freshness";
    public static final String VERSION = "meshgate.version";
    public static final String STATUS = "meshgate.status";
    public static final String SUNSET = "meshgate.sunset";
    public static final String ACCESS = "meshgate.access";

    private ProductProperties() {
    }

    /**
     * What {@code properties} say about the product; each value that cannot be read goes to
     * {@code problems} as (property key, what is wrong with it) and is left out.
     */
    public static ProductFields read(Map<String, String> properties, BiConsumer<String, String> problems) {
        requireNonNull(properties, "properties is null");
        requireNonNull(problems, "problems is null");
        ProductFields fields = ProductFields.NONE;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String value = property.getValue() == null ? "" : property.getValue().strip();
            if (!value.isEmpty()) {
                try {
                    fields = with(fields, property.getKey(), value);
                } catch (IllegalArgumentException e) {
                    problems.accept(property.getKey(), e.getMessage());
                }
            }
        }
        return fields;
    }

    private static ProductFields with(ProductFields fields, String key, String value) {
        return switch (key) {
            case OWNER -> fields.withOwner(value);
            case CONTACT -> fields.withContact(value);
            case DESCRIPTION -> fields.withDescription(value);
            case FRESHNESS_SLA -> fields.withFreshnessSla(Durations.parse(value));
            case VERSION -> fields.withVersion(value);
            case STATUS -> fields.withStatus(status(value));
            case SUNSET -> fields.withSunset(date(value));
            case ACCESS -> fields.withAccess(value);
            default -> fields;
        };
    }

    /** A product status, or why {@code text} is none. */
    static ProductStatus status(String text) {
        return ProductStatus.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "Cannot read the status '" + text + "': write one of " + ProductStatus.choices()));
    }

    /** An ISO date, or why {@code text} is none. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Cannot read the date '" + text + "': write it as YYYY-MM-DD, such as 2027-06-30");
        }
    }
}
