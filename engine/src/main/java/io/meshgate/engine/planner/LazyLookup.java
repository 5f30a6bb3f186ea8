package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Calcite {@link Lookup} that resolves one name at a time. A case-insensitive lookup tries the
 * name as written and in lower case first (mesh data is lower case) and lists the names only when
 * both miss, so a query never lists every table of a catalog.
 */
final class LazyLookup<T> implements Lookup<T> {
    private final Function<String, Optional<T>> find;
    private final Supplier<Set<String>> names;

    LazyLookup(Function<String, Optional<T>> find, Supplier<Set<String>> names) {
        this.find = requireNonNull(find, "find is null");
        this.names = requireNonNull(names, "names is null");
    }

    @Override
    public @Nullable T get(String name) {
        return find.apply(name).orElse(null);
    }

    @Override
    public @Nullable Named<T> getIgnoreCase(String name) {
        Optional<T> exact = find.apply(name);
        if (exact.isPresent()) {
            return new Named<>(name, exact.get());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name)) {
            Optional<T> lowered = find.apply(lower);
            if (lowered.isPresent()) {
                return new Named<>(lower, lowered.get());
            }
        }
        for (String candidate : names.get()) {
            if (candidate.equalsIgnoreCase(name) && !candidate.equals(name) && !candidate.equals(lower)) {
                Optional<T> found = find.apply(candidate);
                if (found.isPresent()) {
                    return new Named<>(candidate, found.get());
                }
            }
        }
        return null;
    }

    @Override
    public Set<String> getNames(LikePattern pattern) {
        Set<String> matching = new TreeSet<>();
        for (String name : names.get()) {
            if (pattern.matcher().apply(name)) {
                matching.add(name);
            }
        }
        return matching;
    }
}
