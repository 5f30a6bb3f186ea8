package io.meshgate.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanPredicate.Operator;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The statement a scan sends: what is pushed to PostgreSQL, and how, for each kind of column. */
class PostgresQueryTest {
    private static final TableMetadata TABLE = new TableMetadata(new SchemaTableName("shop", "orders"), "u", OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), new Schema(List.of(
                    column(1, "id", PostgresTypes.INT4, -1, "integer", true),
                    column(2, "note", PostgresTypes.TEXT, -1, "text", true),
                    column(3, "label", PostgresTypes.VARCHAR, 24, "character varying(20)", false),
                    column(4, "code", PostgresTypes.BPCHAR, 8, "character(4)", true),
                    column(5, "price", PostgresTypes.FLOAT8, -1, "double precision", true),
                    column(6, "amount", PostgresTypes.NUMERIC, (12 << 16 | 2) + 4, "numeric(12,2)", true),
                    column(7, "at", PostgresTypes.TIMESTAMP, -1, "timestamp without time zone", true),
                    column(8, "at_zone", PostgresTypes.TIMESTAMPTZ, -1, "timestamp with time zone", true),
                    column(9, "day", PostgresTypes.DATE, -1, "date", true),
                    column(10, "tags", 1009, -1, "text[]", true),
                    column(11, "Mixed \"Case\"", PostgresTypes.INT8, -1, "bigint", true))),
            List.of(), Map.of());

    private static org.apache.arrow.vector.types.pojo.Field column(int attnum, String name, long type, int typmod, String declared,
            boolean deterministic) {
        return PostgresTypes.toArrow(new PostgresColumn(attnum, name, type, typmod, declared, false, Optional.empty(), false, deterministic));
    }

    private static PostgresQuery query(ScanPredicate predicate) {
        return PostgresQuery.of(TABLE, ScanSpec.allOf(List.of("id")).withFilter(predicate));
    }

    @Test
    void projectsTheScannedColumnsQuotedInTheirOrder() {
        PostgresQuery query = PostgresQuery.of(TABLE, ScanSpec.allOf(List.of("note", "Mixed \"Case\"", "id")));
        assertEquals("SELECT \"note\", \"Mixed \"\"Case\"\"\", \"id\" FROM \"shop\".\"orders\"", query.sql());
        assertEquals(List.of(), query.parameters());
    }

    @Test
    void comparisonsOfIntegersDecimalsAndDatesArePushedAsParameters() {
        PostgresQuery query = query(new ScanPredicate.And(List.of(
                new ScanPredicate.Comparison("id", Operator.GREATER_THAN, 5),
                new ScanPredicate.Comparison("amount", Operator.LESS_THAN_OR_EQUAL, new BigDecimal("10.50")),
                new ScanPredicate.Comparison("day", Operator.EQUAL, LocalDate.of(2024, 1, 2)))));
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE (\"id\" > ?) AND (\"amount\" <= ?) AND (\"day\" = ?)", query.sql());
        assertEquals(List.of(5, new BigDecimal("10.50"), LocalDate.of(2024, 1, 2)), query.parameters());
    }

    @Test
    void aLiteralIsAParameterEvenWhenItLooksLikeSql() {
        String attack = "x' OR '1'='1";
        PostgresQuery query = query(new ScanPredicate.Comparison("note", Operator.EQUAL, attack));
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"note\" = ?", query.sql());
        assertEquals(List.of(attack), query.parameters());
    }

    @Test
    void textEqualityIsWrittenAsIsUnderADeterministicCollationAndInByteOrderOtherwise() {
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"note\" <> ?",
                query(new ScanPredicate.Comparison("note", Operator.NOT_EQUAL, "a")).sql());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"label\" COLLATE \"C\" = ?",
                query(new ScanPredicate.Comparison("label", Operator.EQUAL, "a")).sql());
    }

    @Test
    void textOrderingIsComparedInByteOrderAndOnlyForLiteralsThatOrderAlikeInJava() {
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"note\" COLLATE \"C\" < ?",
                query(new ScanPredicate.Comparison("note", Operator.LESS_THAN, "m")).sql());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\"",
                query(new ScanPredicate.Comparison("note", Operator.LESS_THAN, "\uE000")).sql());
    }

    @Test
    void aLiteralPostgresCannotHoldIsNotPushed() {
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\"", query(new ScanPredicate.Comparison("note", Operator.EQUAL, "a\0b")).sql());
    }

    @Test
    void timestampComparisonsBecomeRangesOverTheMillisecond() {
        LocalDateTime at = LocalDateTime.of(2024, 1, 2, 10, 0, 0, 5_000_000);
        PostgresQuery equal = query(new ScanPredicate.Comparison("at", Operator.EQUAL, at));
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE (\"at\" >= ? AND \"at\" < ?)", equal.sql());
        assertEquals(List.of(at, at.plusNanos(1_000_000)), equal.parameters());
        PostgresQuery atMost = query(new ScanPredicate.Comparison("at", Operator.LESS_THAN_OR_EQUAL, at));
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"at\" < ?", atMost.sql());
        assertEquals(List.of(at.plusNanos(1_000_000)), atMost.parameters());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\"",
                query(new ScanPredicate.Comparison("at", Operator.EQUAL, at.plusNanos(1))).sql(), "a literal finer than milliseconds");
    }

    @Test
    void floatsPaddedCharsZonedTimestampsAndTextFromOtherTypesAreOnlyTestedForNull() {
        for (String column : List.of("price", "code", "at_zone", "tags")) {
            Object value = switch (column) {
                case "price" -> 1.5;
                case "at_zone" -> LocalDateTime.of(2024, 1, 1, 0, 0);
                default -> "x";
            };
            assertEquals("SELECT \"id\" FROM \"shop\".\"orders\"", query(new ScanPredicate.Comparison(column, Operator.EQUAL, value)).sql(), column);
            assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"" + column + "\" IS NULL", query(new ScanPredicate.IsNull(column)).sql());
        }
    }

    @Test
    void inListsBecomeInWithOneParameterPerValue() {
        PostgresQuery query = query(new ScanPredicate.In("id", List.of(1, 2, 3)));
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"id\" IN (?, ?, ?)", query.sql());
        assertEquals(List.of(1, 2, 3), query.parameters());
    }

    @Test
    void anUntranslatableConjunctIsLeftOutButNeverAPartUnderNotOrOr() {
        ScanPredicate onPrice = new ScanPredicate.Comparison("price", Operator.GREATER_THAN, 1.0);
        ScanPredicate onId = new ScanPredicate.Comparison("id", Operator.EQUAL, 1);
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"id\" = ?", query(new ScanPredicate.And(List.of(onPrice, onId))).sql());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\"",
                query(new ScanPredicate.Not(new ScanPredicate.And(List.of(onPrice, onId)))).sql(), "NOT of a weakened AND would drop rows");
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\"", query(new ScanPredicate.Or(List.of(onPrice, onId))).sql());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE NOT (\"id\" = ?)", query(new ScanPredicate.Not(onId)).sql());
    }

    @Test
    void theLimitIsPushedOnlyWhenTheConditionIsExact() {
        ScanPredicate onId = new ScanPredicate.Comparison("id", Operator.EQUAL, 1);
        ScanPredicate onPrice = new ScanPredicate.Comparison("price", Operator.GREATER_THAN, 1.0);
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" LIMIT 7", PostgresQuery.of(TABLE, ScanSpec.allOf(List.of("id")).withLimit(7)).sql());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"id\" = ? LIMIT 7",
                PostgresQuery.of(TABLE, ScanSpec.allOf(List.of("id")).withFilter(onId).withLimit(7)).sql());
        assertEquals("SELECT \"id\" FROM \"shop\".\"orders\" WHERE \"id\" = ?",
                PostgresQuery.of(TABLE, ScanSpec.allOf(List.of("id")).withFilter(new ScanPredicate.And(List.of(onId, onPrice))).withLimit(7)).sql());
    }

    @Test
    void aScanOfNoColumnsCountsInPostgres() {
        PostgresQuery query = PostgresQuery.of(TABLE, ScanSpec.allOf(List.of()).withLimit(3));
        assertEquals("SELECT count(*) FROM (SELECT 1 FROM \"shop\".\"orders\" LIMIT 3) AS counted", query.sql());
        assertEquals(true, query.countsRows());
    }
}
