package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column type as a contract writes it, in SQL names: {@code bigint}, {@code decimal(12,2)},
 * {@code varchar}, {@code timestamp with time zone}, {@code array(varchar)},
 * {@code map(varchar, bigint)}, {@code row(city varchar, zip varchar not null)}. The text form
 * ({@link #toString()}) is canonical: parsing it gives the same type back.
 */
public sealed interface ColumnType {
    /** A type without parameters, named by its canonical SQL name. */
    record Primitive(String name) implements ColumnType {
        /** Canonical names, and for each the narrower primitives it widens. */
        static final Map<String, Set<String>> WIDENINGS = Map.ofEntries(
                Map.entry("boolean", Set.of()),
                Map.entry("tinyint", Set.of()),
                Map.entry("smallint", Set.of("tinyint")),
                Map.entry("integer", Set.of("tinyint", "smallint")),
                Map.entry("bigint", Set.of("tinyint", "smallint", "integer")),
                Map.entry("real", Set.of()),
                Map.entry("double", Set.of("real")),
                Map.entry("varchar", Set.of()),
                Map.entry("varbinary", Set.of()),
                Map.entry("date", Set.of()),
                Map.entry("time", Set.of()),
                Map.entry("timestamp", Set.of()),
                Map.entry("timestamp with time zone", Set.of()));

        public Primitive {
            requireNonNull(name, "name is null");
            if (!WIDENINGS.containsKey(name)) {
                throw new IllegalArgumentException("Cannot create Primitive: unknown type '" + name + "' (use one of "
                        + String.join(", ", WIDENINGS.keySet().stream().sorted().toList()) + ")");
            }
        }

        /** Whether this type takes every value of {@code older} without loss: the same type or a wider integer or float. */
        public boolean widens(Primitive older) {
            return equals(older) || WIDENINGS.get(name).contains(older.name());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Decimal(int precision, int scale) implements ColumnType {
        public Decimal {
            if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("Cannot create decimal(" + precision + "," + scale
                        + "): the precision must be 1 to 38 and the scale 0 to the precision");
            }
        }

        /** Whether this type takes every value of {@code older}: the same scale and a precision as wide or wider (Iceberg's decimal promotion). */
        public boolean widens(Decimal older) {
            return older.scale == scale && older.precision <= precision;
        }

        @Override
        public String toString() {
            return "decimal(" + precision + "," + scale + ")";
        }
    }

    /** Binary values of exactly {@code length} bytes (Iceberg's {@code fixed}). */
    record FixedBinary(int length) implements ColumnType {
        public FixedBinary {
            if (length < 1) {
                throw new IllegalArgumentException("Cannot create binary(" + length + "): the length must be 1 or more");
            }
        }

        @Override
        public String toString() {
            return "binary(" + length + ")";
        }
    }

    record ArrayOf(ColumnType element) implements ColumnType {
        public ArrayOf {
            requireNonNull(element, "element is null");
        }

        @Override
        public String toString() {
            return "array(" + element + ")";
        }
    }

    record MapOf(ColumnType key, ColumnType value) implements ColumnType {
        public MapOf {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public String toString() {
            return "map(" + key + ", " + value + ")";
        }
    }

    /** A struct: named fields in order, each possibly required. */
    record Row(List<ContractColumn> fields) implements ColumnType {
        public Row {
            fields = List.copyOf(requireNonNull(fields, "fields is null"));
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("Cannot create row(): a row needs at least one field");
            }
            Set<String> names = new HashSet<>();
            for (ContractColumn field : fields) {
                if (!names.add(field.name())) {
                    throw new IllegalArgumentException("Cannot create a row type: field '" + field.name() + "' appears twice");
                }
            }
        }

        @Override
        public String toString() {
            return fields.stream().map(f -> ColumnTypes.identifier(f.name()) + " " + f.typeText())
                    .collect(Collectors.joining(", ", "row(", ")"));
        }
    }

    /**
     * A type of the table that contracts cannot name (an unsigned integer, an interval, ...); no
     * contract type is compatible with it.
     */
    record Unsupported(String description) implements ColumnType {
        public Unsupported {
            requireNonNull(description, "description is null");
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
