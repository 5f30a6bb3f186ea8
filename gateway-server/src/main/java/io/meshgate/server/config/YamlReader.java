package io.meshgate.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into {@link ConfigNode}s with line numbers, reporting syntax errors and
 * duplicate keys as {@link ConfigError}s.
 */
final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String fileName;
    private final List<ConfigError> errors;

    YamlReader(String fileName, List<ConfigError> errors) {
        this.fileName = fileName;
        this.errors = errors;
    }

    /** The document's root, or empty when the text is empty or not valid YAML. */
    Optional<ConfigNode> read(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            return Optional.of(value(parser, "", line(parser)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            errors.add(new ConfigError(fileName + ":" + line, "(document)", "not valid YAML: " + e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            errors.add(new ConfigError(fileName, "(document)", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private ConfigNode value(JsonParser parser, String path, int line) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    ConfigNode child = value(parser, childPath, keyLine);
                    if (entries.putIfAbsent(key, child) != null) {
                        errors.add(new ConfigError(fileName + ":" + keyLine, childPath, "duplicate key"));
                    }
                }
                return new ConfigNode.Mapping(line, entries);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, path + "[" + items.size() + "]", line(parser)));
                }
                return new ConfigNode.Sequence(line, items);
            }
            case VALUE_NUMBER_INT -> {
                return new ConfigNode.Scalar(line, parser.getText(), ConfigNode.Scalar.Kind.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ConfigNode.Scalar(line, parser.getText(), ConfigNode.Scalar.Kind.DECIMAL);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ConfigNode.Scalar(line, parser.getText(), ConfigNode.Scalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new ConfigNode.Scalar(line, "", ConfigNode.Scalar.Kind.NULL);
            }
            default -> {
                return new ConfigNode.Scalar(line, parser.getText(), ConfigNode.Scalar.Kind.STRING);
            }
        }
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }
}
