package io.meshgate.connector.jdbc;

import io.meshgate.spi.TableMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Maps PostgreSQL column types to Arrow, by the OIDs of PostgreSQL's built-in types (which never
 * change): {@code smallint}, {@code integer}, {@code bigint} to signed integers of 16, 32 and 64
 * bits; {@code numeric(p,s)} with {@code p <= 38} and {@code 0 <= s <= p} to {@code decimal(p,s)};
 * {@code real} and {@code double precision} to floats; {@code boolean}; {@code text},
 * {@code varchar(n)} and {@code char(n)} to text ({@code char(n)} keeps its padding);
 * {@code date}; {@code time} to microsecond times; {@code timestamp} and {@code timestamptz} to
 * microsecond timestamps without and with the UTC zone; {@code bytea} to binary; {@code uuid} to
 * its canonical lower-case text. Every other type (unconstrained or wider {@code numeric},
 * {@code json}, {@code jsonb}, {@code interval}, {@code timetz}, arrays, enums, ranges,
 * network and geometric types, ...) arrives as PostgreSQL's text form of the value, so no column
 * is ever unreadable; its declared type stays in the field metadata ({@link TableMetadata#SOURCE_TYPE})
 * for users to see and cast from. A column of a domain type maps as the domain's base type.
 */
final class PostgresTypes {
    /**
     * Arrow field metadata key set to {@code true} on text columns whose equality is byte
     * equality (a deterministic collation), so that an equality can be pushed down as written.
     */
    static final String BYTEWISE_EQUALITY = "meshgate.postgresql.bytewise-equality";

    static final long BOOL = 16;
    static final long BYTEA = 17;
    static final long INT8 = 20;
    static final long INT2 = 21;
    static final long INT4 = 23;
    static final long TEXT = 25;
    static final long FLOAT4 = 700;
    static final long FLOAT8 = 701;
    static final long BPCHAR = 1042;
    static final long VARCHAR = 1043;
    static final long DATE = 1082;
    static final long TIME = 1083;
    static final long TIMESTAMP = 1114;
    static final long TIMESTAMPTZ = 1184;
    static final long NUMERIC = 1700;
    static final long UUID = 2950;

    /** Arrow's 128-bit decimals hold at most this many digits. */
    private static final int MAX_DECIMAL_PRECISION = 38;
    /** PostgreSQL's {@code VARHDRSZ}, which a numeric typmod is offset by. */
    private static final int TYPMOD_OFFSET = 4;

    private PostgresTypes() {
    }

    /** The column as an Arrow field carrying its attnum as field id, its declared type, comment and key membership. */
    static Field toArrow(PostgresColumn column) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(TableMetadata.FIELD_ID, Integer.toString(column.attnum()));
        metadata.put(TableMetadata.SOURCE_TYPE, column.declaredType());
        column.comment().filter(c -> !c.isBlank()).ifPresent(c -> metadata.put(TableMetadata.COMMENT, c));
        if (column.primaryKey()) {
            metadata.put(TableMetadata.IDENTIFIER, "true");
        }
        if ((column.typeOid() == TEXT || column.typeOid() == VARCHAR) && column.deterministicCollation()) {
            metadata.put(BYTEWISE_EQUALITY, "true");
        }
        return new Field(column.name(), new FieldType(!column.notNull(), arrowType(column.typeOid(), column.typmod()), null, metadata), List.of());
    }

    static ArrowType arrowType(long typeOid, int typmod) {
        if (typeOid == BOOL) {
            return ArrowType.Bool.INSTANCE;
        } else if (typeOid == INT2) {
            return new ArrowType.Int(16, true);
        } else if (typeOid == INT4) {
            return new ArrowType.Int(32, true);
        } else if (typeOid == INT8) {
            return new ArrowType.Int(64, true);
        } else if (typeOid == NUMERIC && fitsDecimal(typmod)) {
            return new ArrowType.Decimal(precision(typmod), scale(typmod), 128);
        } else if (typeOid == FLOAT4) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        } else if (typeOid == FLOAT8) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        } else if (typeOid == DATE) {
            return new ArrowType.Date(DateUnit.DAY);
        } else if (typeOid == TIME) {
            return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
        } else if (typeOid == TIMESTAMP) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        } else if (typeOid == TIMESTAMPTZ) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        } else if (typeOid == BYTEA) {
            return ArrowType.Binary.INSTANCE;
        }
        return ArrowType.Utf8.INSTANCE;
    }

    /** Whether {@code numeric} with this typmod has a precision and scale Arrow's decimals can hold exactly. */
    private static boolean fitsDecimal(int typmod) {
        if (typmod < TYPMOD_OFFSET) {
            return false;
        }
        int precision = precision(typmod);
        int scale = scale(typmod);
        return precision >= 1 && precision <= MAX_DECIMAL_PRECISION && scale >= 0 && scale <= precision;
    }

    private static int precision(int typmod) {
        return ((typmod - TYPMOD_OFFSET) >> 16) & 0xffff;
    }

    /** The scale, an 11-bit signed number since PostgreSQL 15 allows negative scales. */
    private static int scale(int typmod) {
        return (((typmod - TYPMOD_OFFSET) & 0x7ff) ^ 1024) - 1024;
    }
}
