package io.meshgate.engine.planner;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.error.SqlPosition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures of planning and execution become {@link MeshgateException}s with an
 * error code, a short message and, where known, the position in the SQL text. Messages never hold
 * a stack trace or a class name; an unexpected failure is logged and reported as an internal error.
 */
public final class QueryErrors {
    private static final Logger LOG = LoggerFactory.getLogger(QueryErrors.class);
    private static final Pattern POSITION_SUFFIX = Pattern.compile("\\s*at line \\d+, column \\d+\\.?");
    /** Calcite names the first part of a table name it could not resolve, and the parts before it. */
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?.*");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("(Column '.*' not found.*|Unknown identifier '.*')");
    private static final Pattern ALIAS_NOT_FOUND = Pattern.compile("Table '(.*)' not found");
    private static final Pattern FUNCTION_NOT_FOUND = Pattern.compile("No match found for function signature (\\w+)\\(.*");
    private static final Pattern TYPE_MISMATCH = Pattern.compile(
            "(Cannot apply .*|.*[Ii]ncompatible.*|Cannot infer .*|.*must be a condition.*|Cannot assign .*|.*type mismatch.*|.*Type mismatch.*)");

    private QueryErrors() {
    }

    static MeshgateException syntaxError(SqlParseException e) {
        SqlParserPos pos = e.getPos();
        String firstLine = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String message = POSITION_SUFFIX.matcher(firstLine).replaceAll("").trim();
        if (message.isEmpty()) {
            message = "Syntax error";
        } else if (!message.startsWith("Syntax")) {
            message = "Syntax error: " + message;
        }
        return new MeshgateException(ErrorCode.SYNTAX_ERROR, message, position(pos == null ? 0 : pos.getLineNum(), pos == null ? 0 : pos.getColumnNum()), null);
    }

    static MeshgateException planningError(RuntimeException e) {
        Optional<MeshgateException> passed = meshgateCause(e);
        if (passed.isPresent()) {
            return passed.get();
        }
        if (e instanceof CalciteContextException context) {
            Optional<SqlPosition> position = position(context.getPosLine(), context.getPosColumn());
            String full = context.getCause() == null ? String.valueOf(context.getMessage()) : String.valueOf(context.getCause().getMessage());
            // Calcite lists every supported signature on further lines; the first says what is wrong.
            String message = full.lines().findFirst().orElse(full);
            return validationError(message, position, e);
        }
        return internal(e);
    }

    private static final Pattern INVALID_DATETIME = Pattern.compile("Invalid (DATE|TIME|TIMESTAMP) value");

    /** Maps a failure while a plan runs. */
    public static MeshgateException executionError(Throwable e) {
        Optional<MeshgateException> passed = meshgateCause(e);
        if (passed.isPresent()) {
            return passed.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArithmeticException && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("zero")) {
                return new MeshgateException(ErrorCode.DIVISION_BY_ZERO, "Division by zero", e);
            }
            if (t instanceof ArithmeticException || t instanceof NumberFormatException) {
                return new MeshgateException(ErrorCode.INVALID_DATA, "Cannot compute a value: invalid number or overflow", e);
            }
            if (t instanceof IllegalArgumentException && INVALID_DATETIME.matcher(String.valueOf(t.getMessage())).lookingAt()) {
                // Calcite's message quotes the value; it may be protected data (B4), so it is not repeated.
                return new MeshgateException(ErrorCode.INVALID_DATA, "Cannot cast a value to a date or time: it is not one", e);
            }
        }
        return internal(e);
    }

    private static MeshgateException validationError(String message, Optional<SqlPosition> position, RuntimeException cause) {
        Matcher object = OBJECT_NOT_FOUND.matcher(message);
        if (object.matches()) {
            return missingObject(object.group(1), Optional.ofNullable(object.group(2)), position, cause);
        }
        Matcher alias = ALIAS_NOT_FOUND.matcher(message);
        if (alias.matches()) {
            return new MeshgateException(ErrorCode.TABLE_NOT_FOUND, "Table '" + alias.group(1) + "' does not exist", position, cause);
        }
        if (COLUMN_NOT_FOUND.matcher(message).matches()) {
            return new MeshgateException(ErrorCode.COLUMN_NOT_FOUND, message, position, cause);
        }
        Matcher function = FUNCTION_NOT_FOUND.matcher(message);
        if (function.matches()) {
            return new MeshgateException(ErrorCode.FUNCTION_NOT_FOUND,
                    "Function '" + function.group(1) + "' does not exist or does not accept these arguments: "
                            + message.substring("No match found for function signature ".length()), position, cause);
        }
        if (TYPE_MISMATCH.matcher(message).matches()) {
            return new MeshgateException(ErrorCode.TYPE_MISMATCH, message, position, cause);
        }
        return new MeshgateException(ErrorCode.INVALID_QUERY, message, position, cause);
    }

    /** The level of {@code domain.schema.table} that does not exist, from what resolved before it. */
    private static MeshgateException missingObject(String name, Optional<String> parent, Optional<SqlPosition> position,
            RuntimeException cause) {
        int resolvedParts = parent.map(p -> p.split("\\.").length).orElse(0);
        String full = parent.map(p -> p + "." + name).orElse(name);
        return switch (resolvedParts) {
            case 0 -> new MeshgateException(ErrorCode.CATALOG_NOT_FOUND, "Catalog '" + name + "' does not exist", position, cause);
            case 1 -> new MeshgateException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + full + "' does not exist", position, cause);
            default -> new MeshgateException(ErrorCode.TABLE_NOT_FOUND, "Table '" + full + "' does not exist", position, cause);
        };
    }

    private static Optional<MeshgateException> meshgateCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MeshgateException m) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static MeshgateException internal(Throwable e) {
        LOG.error("Query failed with an internal error", e);
        return new MeshgateException(ErrorCode.INTERNAL_ERROR, "Internal error while running the query", e);
    }

    private static Optional<SqlPosition> position(int line, int column) {
        return line >= 1 && column >= 1 ? Optional.of(new SqlPosition(line, column)) : Optional.empty();
    }
}
