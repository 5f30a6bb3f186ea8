package io.meshgate.yaml;

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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads YAML text into {@link YamlNode}s with line numbers, reporting syntax errors and duplicate
 * keys as {@link YamlProblem}s instead of throwing, so that callers can report every problem of
 * every file together.
 */
public final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Consumer<YamlProblem> problems;

    private YamlReader(Consumer<YamlProblem> problems) {
        this.problems = problems;
    }

    /**
     * The document's root, or empty when the text is empty or not valid YAML (then a problem was
     * reported). A duplicate key is reported and its first value kept; a second document is
     * reported rather than ignored.
     */
    public static Optional<YamlNode> read(String text, Consumer<YamlProblem> problems) {
        return new YamlReader(problems).document(text);
    }

    private Optional<YamlNode> document(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            YamlNode root = value(parser, "", line(parser));
            if (parser.nextToken() != null) {
                problems.accept(new YamlProblem(line(parser), "", "a second YAML document starts here (write one document per file: remove the ---)"));
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.accept(new YamlProblem(line, "", "not valid YAML: " + oneLine(e.getOriginalMessage())));
            return Optional.empty();
        } catch (IOException e) {
            problems.accept(new YamlProblem(1, "", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private YamlNode value(JsonParser parser, String path, int line) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode child = value(parser, childPath, keyLine);
                    if (entries.putIfAbsent(key, child) != null) {
                        problems.accept(new YamlProblem(keyLine, childPath, "duplicate key"));
                    }
                }
                return new YamlNode.Mapping(line, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, path + "[" + items.size() + "]", line(parser)));
                }
                return new YamlNode.Sequence(line, items);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.DECIMAL);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, "", YamlNode.Scalar.Kind.NULL);
            }
            default -> {
                return new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.STRING);
            }
        }
    }

    /**
     * The parser's description without its location lines, source excerpts and carets (they start
     * with blanks), on one line: the problem already carries its line number.
     */
    private static String oneLine(String message) {
        String described = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
        return described.isEmpty() ? message.strip() : described;
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }
}
