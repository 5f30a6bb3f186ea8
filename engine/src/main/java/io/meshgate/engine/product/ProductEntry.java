package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import io.meshgate.yaml.YamlNode;
import java.util.Optional;

/**
 * One product as a product file describes it: the fields it sets (overriding the table's
 * properties), and its {@code contract:}, passed on as written for contract checking.
 *
 * @param name     {@code domain.schema.table}
 * @param contract the {@code contract:} node as written, unchecked here
 * @param file     the file's name within the product folder
 * @param line     the line the entry starts on
 */
public record ProductEntry(String name, ProductFields fields, Optional<YamlNode> contract, String file, int line) {
    public ProductEntry {
        requireNonNull(name, "name is null");
        requireNonNull(fields, "fields is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(file, "file is null");
        if (line < 1) {
            throw new IllegalArgumentException("Cannot describe product " + name + ": line must be 1 or more");
        }
    }

    /** {@code file:line}, for messages. */
    public String origin() {
        return file + ":" + line;
    }
}
