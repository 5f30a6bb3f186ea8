package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

/** Exposes the connector namespace {@code namespace} as the mesh schema {@code name}. */
public record SchemaBinding(String name, String namespace) {
    public SchemaBinding {
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
        if (name.isBlank() || namespace.isBlank()) {
            throw new IllegalArgumentException("Cannot bind schema: name and namespace must not be blank");
        }
    }
}
