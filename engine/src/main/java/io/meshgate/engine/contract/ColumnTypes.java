package io.meshgate.engine.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Column types from the two sides a schema contract compares: the text a contract writes
 * ({@code decimal(12,2) not null}) and the Arrow fields of a table's current schema.
 */
final class ColumnTypes {
    /** Other spellings accepted in contracts, and the canonical name each stands for. */
    private static final Map<String, String> ALIASES = Map.of(
            "int", "integer", "long", "bigint", "float", "real", "string", "varchar", "text", "varchar",
            "bool", "boolean", "timestamptz", "timestamp with time zone", "binary", "varbinary");

    private ColumnTypes() {
    }

    /** A column's type as written in a contract; throws IllegalArgumentException saying what is wrong. */
    static ContractColumn parseColumn(String name, String text) {
        Parser parser = new Parser(text);
        ContractColumn column = parser.column(name);
        parser.expectEnd();
        return column;
    }

    /** A column of a table's current schema: its Arrow type as a contract would write it, and whether it is required. */
    static ContractColumn fromArrow(Field field) {
        return new ContractColumn(field.getName(), typeOf(field), !field.isNullable());
    }

    private static ColumnType typeOf(Field field) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Int integer && integer.getIsSigned()) {
            return new ColumnType.Primitive(switch (integer.getBitWidth()) {
                case 8 -> "tinyint";
                case 16 -> "smallint";
                case 32 -> "integer";
                default -> "bigint";
            });
        }
        if (type instanceof ArrowType.FloatingPoint floating && floating.getPrecision() != FloatingPointPrecision.HALF) {
            return new ColumnType.Primitive(floating.getPrecision() == FloatingPointPrecision.DOUBLE ? "double" : "real");
        }
        if (type instanceof ArrowType.Decimal decimal) {
            return new ColumnType.Decimal(decimal.getPrecision(), decimal.getScale());
        }
        if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.Utf8View) {
            return new ColumnType.Primitive("varchar");
        }
        if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary || type instanceof ArrowType.BinaryView) {
            return new ColumnType.Primitive("varbinary");
        }
        if (type instanceof ArrowType.FixedSizeBinary binary) {
            return new ColumnType.FixedBinary(binary.getByteWidth());
        }
        if (type instanceof ArrowType.Bool) {
            return new ColumnType.Primitive("boolean");
        }
        if (type instanceof ArrowType.Date) {
            return new ColumnType.Primitive("date");
        }
        if (type instanceof ArrowType.Time) {
            return new ColumnType.Primitive("time");
        }
        if (type instanceof ArrowType.Timestamp timestamp) {
            return new ColumnType.Primitive(timestamp.getTimezone() == null ? "timestamp" : "timestamp with time zone");
        }
        if (type instanceof ArrowType.Map) {
            List<Field> keyAndValue = field.getChildren().get(0).getChildren();
            return new ColumnType.MapOf(typeOf(keyAndValue.get(0)), typeOf(keyAndValue.get(1)));
        }
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList) {
            return new ColumnType.ArrayOf(typeOf(field.getChildren().get(0)));
        }
        if (type instanceof ArrowType.Struct && !field.getChildren().isEmpty()) {
            return new ColumnType.Row(field.getChildren().stream().map(ColumnTypes::fromArrow).toList());
        }
        return new ColumnType.Unsupported(type.toString().toLowerCase(Locale.ROOT));
    }

    /** A field name as a row type writes it: bare when it is a plain identifier, else in double quotes. */
    static String identifier(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A recursive-descent reader of one type text. */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        ContractColumn column(String name) {
            ColumnType type = type();
            boolean required = false;
            if (peekWord("not")) {
                word();
                if (!peekWord("null")) {
                    throw fail("expected 'null' after 'not'");
                }
                word();
                required = true;
            }
            return new ContractColumn(name, type, required);
        }

        ColumnType type() {
            skipBlanks();
            int start = position;
            String word = word();
            String name = ALIASES.getOrDefault(word, word);
            return switch (name) {
                case "array" -> {
                    expect('(');
                    ColumnType element = type();
                    expect(')');
                    yield new ColumnType.ArrayOf(element);
                }
                case "map" -> {
                    expect('(');
                    ColumnType key = type();
                    expect(',');
                    ColumnType value = type();
                    expect(')');
                    yield new ColumnType.MapOf(key, value);
                }
                case "row", "struct" -> row();
                case "decimal", "numeric" -> {
                    if (!peek('(')) {
                        throw fail("decimal needs a precision and a scale, such as decimal(12,2)");
                    }
                    expect('(');
                    int precision = number();
                    expect(',');
                    int scale = number();
                    expect(')');
                    yield construct(() -> new ColumnType.Decimal(precision, scale));
                }
                case "varbinary" -> {
                    if (word.equals("binary") && peek('(')) {
                        expect('(');
                        int length = number();
                        expect(')');
                        yield construct(() -> new ColumnType.FixedBinary(length));
                    }
                    yield new ColumnType.Primitive("varbinary");
                }
                case "timestamp" -> {
                    if (peekWord("with") || peekWord("without")) {
                        boolean with = word().equals("with");
                        if (!word().equals("time") || !word().equals("zone")) {
                            throw fail("expected 'time zone' after 'timestamp " + (with ? "with" : "without") + "'");
                        }
                        yield new ColumnType.Primitive(with ? "timestamp with time zone" : "timestamp");
                    }
                    yield new ColumnType.Primitive("timestamp");
                }
                case "double" -> {
                    if (peekWord("precision")) {
                        word();
                    }
                    yield new ColumnType.Primitive("double");
                }
                default -> {
                    if (!ColumnType.Primitive.WIDENINGS.containsKey(name)) {
                        position = start;
                        throw fail("unknown type '" + word + "' (use boolean, tinyint, smallint, integer, bigint, real, double,"
                                + " decimal(p,s), varchar, varbinary, binary(n), date, time, timestamp, timestamp with time zone,"
                                + " array(t), map(k, v) or row(name t, ...))");
                    }
                    if (peek('(')) {
                        throw fail("'" + word + "' takes no parameters (write " + name + ")");
                    }
                    yield new ColumnType.Primitive(name);
                }
            };
        }

        private ColumnType row() {
            expect('(');
            List<ContractColumn> fields = new ArrayList<>();
            do {
                fields.add(column(fieldName()));
            } while (accept(','));
            expect(')');
            return construct(() -> new ColumnType.Row(fields));
        }

        private String fieldName() {
            skipBlanks();
            if (position < text.length() && text.charAt(position) == '"') {
                StringBuilder name = new StringBuilder();
                position++;
                while (position < text.length()) {
                    char c = text.charAt(position++);
                    if (c == '"') {
                        if (position < text.length() && text.charAt(position) == '"') {
                            name.append('"');
                            position++;
                        } else {
                            if (name.isEmpty()) {
                                throw fail("a field name must not be empty");
                            }
                            return name.toString();
                        }
                    } else {
                        name.append(c);
                    }
                }
                throw fail("a quoted field name is not closed");
            }
            int start = position;
            String name = rawWord();
            if (name.isEmpty()) {
                position = start;
                throw fail("expected a field name");
            }
            return name;
        }

        private ColumnType construct(Supplier<ColumnType> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^Cannot create ", "cannot use "));
            }
        }

        void expectEnd() {
            skipBlanks();
            if (position < text.length()) {
                throw fail("unexpected '" + text.substring(position) + "'");
            }
        }

        private String word() {
            String word = rawWord().toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                throw fail(position < text.length() ? "expected a type name" : "expected a type name, the text ends");
            }
            return word;
        }

        private String rawWord() {
            skipBlanks();
            int start = position;
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            return text.substring(start, position);
        }

        private boolean peekWord(String expected) {
            int start = position;
            String next = rawWord().toLowerCase(Locale.ROOT);
            position = start;
            return next.equals(expected);
        }

        private int number() {
            skipBlanks();
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            if (start == position || position - start > 9) {
                throw fail("expected a whole number");
            }
            return Integer.parseInt(text.substring(start, position));
        }

        private boolean peek(char c) {
            skipBlanks();
            return position < text.length() && text.charAt(position) == c;
        }

        private boolean accept(char c) {
            if (peek(c)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw fail("expected '" + c + "'");
            }
        }

        private void skipBlanks() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private IllegalArgumentException fail(String message) {
            return new IllegalArgumentException(message + " at position " + (position + 1) + " of '" + text + "'");
        }
    }
}
