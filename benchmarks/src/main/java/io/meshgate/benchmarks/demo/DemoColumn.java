package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.iceberg.types.Type;

/**
 * One column of a demo table: its TPC-H name, its Iceberg type and how its value is taken from a
 * row of the TPC-H generator (as the Java value Iceberg's generic records hold for that type).
 */
record DemoColumn<T>(String name, Type type, Function<T, Object> value) {
    DemoColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
    }
}
