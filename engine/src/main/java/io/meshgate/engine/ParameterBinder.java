package io.meshgate.engine;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Checks client values against a parameter schema and converts them to the representation the
 * compiled plan reads. Accepted: the value's own type, integers of any width for integer, decimal
 * and floating-point parameters (when they fit), decimals without loss at the parameter's scale,
 * floating-point values for a decimal parameter when their shortest decimal form fits it without
 * loss (ADBC sends a Python float as a double), and NULL for any parameter. Anything else fails with INVALID_REQUEST naming the parameter and
 * both types.
 */
final class ParameterBinder {
    /** The SQL type name of each Java value a client's binding can hold, for error messages. */
    private static final Map<Class<?>, String> VALUE_TYPES = Map.ofEntries(
            Map.entry(Long.class, "BIGINT"), Map.entry(Integer.class, "INTEGER"), Map.entry(Short.class, "SMALLINT"),
            Map.entry(Byte.class, "TINYINT"), Map.entry(BigDecimal.class, "DECIMAL"), Map.entry(BigInteger.class, "DECIMAL"),
            Map.entry(Double.class, "DOUBLE"), Map.entry(Float.class, "REAL"), Map.entry(String.class, "VARCHAR"),
            Map.entry(Boolean.class, "BOOLEAN"), Map.entry(LocalDate.class, "DATE"), Map.entry(LocalTime.class, "TIME"),
            Map.entry(LocalDateTime.class, "TIMESTAMP"), Map.entry(Instant.class, "TIMESTAMP WITH LOCAL TIME ZONE"),
            Map.entry(byte[].class, "VARBINARY"));

    private ParameterBinder() {
    }

    static BoundParameters bind(Schema schema, List<?> values) {
        List<Field> fields = schema.getFields();
        if (values.size() != fields.size()) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, values.isEmpty()
                    ? "Cannot execute: the statement has " + fields.size() + " parameter(s) and none is bound (bind a value for each ?)"
                    : "Cannot bind parameters: the statement has " + fields.size() + " parameter(s), got " + values.size()
                            + " value(s) (bind one value for each ?)");
        }
        List<Object> converted = new ArrayList<>(values.size());
        for (int i = 0; i < fields.size(); i++) {
            converted.add(convert(i + 1, fields.get(i).getType(), values.get(i)));
        }
        return new BoundParameters(schema, converted);
    }

    private static Object convert(int number, ArrowType type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            Object result = switch (type.getTypeID()) {
                case Int -> integer(((ArrowType.Int) type).getBitWidth(), value);
                case Decimal -> decimal((ArrowType.Decimal) type, value);
                case FloatingPoint -> floating((ArrowType.FloatingPoint) type, value);
                case Utf8 -> value instanceof String s ? s : null;
                case Bool -> value instanceof Boolean b ? b : null;
                case Date -> value instanceof LocalDate d ? (Object) Math.toIntExact(d.toEpochDay()) : null;
                case Time -> value instanceof LocalTime t ? (Object) (int) (t.toNanoOfDay() / 1_000_000) : null;
                case Timestamp -> timestamp((ArrowType.Timestamp) type, value);
                default -> null;
            };
            if (result != null) {
                return result;
            }
        } catch (ArithmeticException e) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot bind parameter " + number + ": the value does not fit "
                    + sqlType(type) + " (bind a value in range)");
        }
        throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot bind parameter " + number + ": it is " + sqlType(type)
                + ", got a value of type " + valueType(value) + " (bind a " + sqlType(type) + " value or CAST the parameter)");
    }

    private static Object integer(int bitWidth, Object value) {
        BigInteger exact = exactInteger(value);
        if (exact == null) {
            return null;
        }
        long v = exact.longValueExact();
        return switch (bitWidth) {
            case 8 -> (Object) (byte) checkRange(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case 16 -> (Object) (short) checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE);
            case 32 -> (Object) Math.toIntExact(v);
            default -> (Object) v;
        };
    }

    private static long checkRange(long value, long min, long max) {
        if (value < min || value > max) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    /** An integer value, or a decimal with no fraction; null for anything else. */
    private static BigInteger exactInteger(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toBigIntegerExact();
        }
        return null;
    }

    private static Object decimal(ArrowType.Decimal type, Object value) {
        BigDecimal decimal;
        if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ArithmeticException("not a number");
            }
            decimal = value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
        } else {
            BigInteger integer = exactInteger(value);
            if (integer == null) {
                return null;
            }
            decimal = new BigDecimal(integer);
        }
        BigDecimal scaled = decimal.setScale(type.getScale(), RoundingMode.UNNECESSARY);
        if (scaled.precision() > type.getPrecision()) {
            throw new ArithmeticException("precision");
        }
        return scaled;
    }

    private static Object floating(ArrowType.FloatingPoint type, Object value) {
        if (!(value instanceof Number number) || value instanceof BigInteger) {
            return null;
        }
        return switch (type.getPrecision()) {
            case SINGLE -> (Object) number.floatValue();
            default -> (Object) number.doubleValue();
        };
    }

    private static Object timestamp(ArrowType.Timestamp type, Object value) {
        if (type.getTimezone() == null) {
            return value instanceof LocalDateTime t ? (Object) t.toInstant(ZoneOffset.UTC).toEpochMilli() : null;
        }
        return value instanceof Instant i ? (Object) i.toEpochMilli() : null;
    }

    /** The SQL name of a parameter's type, as users write it. */
    static String sqlType(ArrowType type) {
        return switch (type.getTypeID()) {
            case Int -> switch (((ArrowType.Int) type).getBitWidth()) {
                case 8 -> "TINYINT";
                case 16 -> "SMALLINT";
                case 32 -> "INTEGER";
                default -> "BIGINT";
            };
            case Decimal -> "DECIMAL(" + ((ArrowType.Decimal) type).getPrecision() + ", " + ((ArrowType.Decimal) type).getScale() + ")";
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE
                    ? "REAL" : "DOUBLE";
            case Utf8 -> "VARCHAR";
            case Bool -> "BOOLEAN";
            case Date -> "DATE";
            case Time -> "TIME";
            case Timestamp -> ((ArrowType.Timestamp) type).getTimezone() == null ? "TIMESTAMP" : "TIMESTAMP WITH LOCAL TIME ZONE";
            default -> type.toString();
        };
    }

    private static String valueType(Object value) {
        return VALUE_TYPES.entrySet().stream()
                .filter(entry -> entry.getKey().isInstance(value))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("unsupported type");
    }
}
