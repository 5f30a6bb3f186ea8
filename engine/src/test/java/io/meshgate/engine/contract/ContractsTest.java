package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.yaml.YamlNode;
import io.meshgate.yaml.YamlReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reading a contract from YAML: the whole shape, and every mistake reported with its file and line. */
class ContractsTest {
    private static final String FULL = """
            contract:
              schema:
                compatibility: full
                columns:
                  o_orderkey: bigint not null
                  o_totalprice: decimal(12,2)
                  o_orderdate: date
              quality:
                - not_null: [o_orderkey, o_custkey]
                - unique: [o_orderkey, [o_custkey, o_orderdate]]
                - accepted_values: {column: o_orderstatus, values: [F, O, P]}
                - range: {column: o_totalprice, min: 0, max: 600000.50}
                - range: {column: o_orderdate, min: 2024-01-01}
                - row_count: {min: 1, max: 1000000}
                - freshness: {max_age: 6h}
            """;

    private record Parsed(Optional<Contract> contract, List<String> problems) {
    }

    private static Parsed parse(String yaml) {
        List<String> problems = new ArrayList<>();
        YamlNode root = YamlReader.read(yaml, p -> problems.add("yaml:" + p.line() + ": " + p.message())).orElseThrow();
        YamlNode contract = ((YamlNode.Mapping) root).entries().get("contract");
        Optional<Contract> parsed = Contracts.parse(contract, "products/commerce.yaml", p -> problems.add(p.toString()));
        return new Parsed(parsed, problems);
    }

    private static List<String> problems(String yaml) {
        Parsed parsed = parse(yaml);
        assertTrue(parsed.contract().isEmpty(), "a contract with problems is not given");
        return parsed.problems();
    }

    @Test
    void aFullContractReadsIntoItsSchemaAndRulesInOrder() {
        Parsed parsed = parse(FULL);
        assertEquals(List.of(), parsed.problems());
        Contract contract = parsed.contract().orElseThrow();
        SchemaContract schema = contract.schema().orElseThrow();
        assertEquals(Compatibility.FULL, schema.compatibility());
        assertEquals(List.of(new ContractColumn("o_orderkey", new ColumnType.Primitive("bigint"), true),
                new ContractColumn("o_totalprice", new ColumnType.Decimal(12, 2), false),
                new ContractColumn("o_orderdate", new ColumnType.Primitive("date"), false)), schema.columns());
        assertEquals(List.of(
                new QualityRule.NotNull("o_orderkey"),
                new QualityRule.NotNull("o_custkey"),
                new QualityRule.Unique(List.of("o_orderkey")),
                new QualityRule.Unique(List.of("o_custkey", "o_orderdate")),
                new QualityRule.AcceptedValues("o_orderstatus", List.of("F", "O", "P")),
                new QualityRule.Range("o_totalprice", Optional.of("0"), Optional.of("600000.50")),
                new QualityRule.Range("o_orderdate", Optional.of("2024-01-01"), Optional.empty()),
                new QualityRule.RowCount(OptionalLong.of(1), OptionalLong.of(1_000_000)),
                new QualityRule.Freshness(Duration.ofHours(6))), contract.quality());
        assertEquals(List.of("not_null(o_orderkey)", "not_null(o_custkey)", "unique(o_orderkey)", "unique(o_custkey, o_orderdate)",
                "accepted_values(o_orderstatus)", "range(o_totalprice)", "range(o_orderdate)", "row_count", "freshness"),
                contract.quality().stream().map(QualityRule::name).toList());
    }

    @Test
    void compatibilityIsBackwardUnlessWritten() {
        Contract contract = parse("contract:\n  schema:\n    columns: {id: bigint}\n").contract().orElseThrow();
        assertEquals(Compatibility.BACKWARD, contract.schema().orElseThrow().compatibility());
        assertEquals(List.of(), contract.quality());
    }

    @Test
    void mistakesInTheSchemaAreEachReportedWithTheirLine() {
        assertEquals(List.of(
                "products/commerce.yaml:3: contract.schema.compatibility: unknown mode 'sideways' (use backward, forward or full)",
                "products/commerce.yaml:5: contract.schema.columns.a: unknown type 'bigdecimal' (use boolean, tinyint, smallint, integer,"
                        + " bigint, real, double, decimal(p,s), varchar, varbinary, binary(n), date, time, timestamp, timestamp with time zone,"
                        + " array(t), map(k, v) or row(name t, ...)) at position 1 of 'bigdecimal'",
                "products/commerce.yaml:6: contract.schema.columns.b: must be a plain value, not a list",
                "products/commerce.yaml:7: contract.schema.columns.c: must be a plain value, not empty",
                "products/commerce.yaml:8: contract.schema.colour: unknown key (known keys here: compatibility, columns)"),
                problems("""
                        contract:
                          schema:
                            compatibility: sideways
                            columns:
                              a: bigdecimal
                              b: [bigint]
                              c:
                            colour: blue
                        """));
        assertEquals(List.of("products/commerce.yaml:2: contract.schema: 'columns' is required (a mapping of column name to type,"
                + " such as o_orderkey: bigint not null)"), problems("contract:\n  schema: {compatibility: full}\n"));
        assertEquals(List.of("products/commerce.yaml:3: contract.schema.columns: must be a mapping of column name to type, such as"
                + " o_orderkey: bigint not null, not a list"), problems("contract:\n  schema:\n    columns: [a, b]\n"));
    }

    @Test
    void mistakesInTheRulesAreEachReportedWithTheirLine() {
        assertEquals(List.of(
                "products/commerce.yaml:3: contract.quality[0].not_null: must be a non-empty list of columns, such as [o_orderkey], not 'a'",
                "products/commerce.yaml:4: contract.quality[1].unique[1]: must be a plain value, not a mapping",
                "products/commerce.yaml:5: contract.quality[2].accepted_values: 'values' is required (the list of accepted values)",
                "products/commerce.yaml:6: contract.quality[3].accepted_values.values: 'x' is listed twice",
                "products/commerce.yaml:7: contract.quality[4].range: give min, max or both",
                "products/commerce.yaml:8: contract.quality[5].range: min 10 is above max 2",
                "products/commerce.yaml:9: contract.quality[6].row_count.min: must be a whole number of rows, 0 or more, not '-1'",
                "products/commerce.yaml:10: contract.quality[7].row_count.max: must have a value (or leave the key out)",
                "products/commerce.yaml:11: contract.quality[8].freshness.max_age: must be a positive duration such as 90s, 30m, 6h or 2d, not 'soon'",
                "products/commerce.yaml:12: contract.quality[9].freshness: 'max_age' is required (the oldest the current snapshot may be, such as 6h)",
                "products/commerce.yaml:13: contract.quality[10]: unknown rule 'is_pretty' (rules: not_null, unique, accepted_values, range, row_count, freshness)",
                "products/commerce.yaml:14: contract.quality[11]: must be one rule, such as not_null: [o_orderkey] (rules: not_null, unique,"
                        + " accepted_values, range, row_count, freshness)",
                "products/commerce.yaml:15: contract.quality[12].range.colum: unknown key (known keys here: column, min, max)",
                "products/commerce.yaml:15: contract.quality[12].range: 'column' is required (the column whose values are checked)",
                "products/commerce.yaml:17: contract.quality[14]: not_null(b) is declared twice (write each rule once)"),
                problems("""
                        contract:
                          quality:
                            - not_null: a
                            - unique: [a, {b: c}]
                            - accepted_values: {column: s}
                            - accepted_values: {column: s, values: [x, y, x]}
                            - range: {column: p}
                            - range: {column: q, min: 10, max: 2}
                            - row_count: {min: -1}
                            - row_count: {max: }
                            - freshness: {max_age: soon}
                            - freshness: {}
                            - is_pretty: [a]
                            - {not_null: [a], unique: [a]}
                            - range: {colum: p, min: 1}
                            - not_null: [b]
                            - not_null: [b]
                        """));
    }

    @Test
    void aContractMustBeAMappingThatDeclaresSomething() {
        assertEquals(List.of("products/commerce.yaml:1: contract: must be a mapping with schema and quality, not 'strict'"),
                problems("contract: strict\n"));
        assertEquals(List.of("products/commerce.yaml:1: contract: declares neither a schema nor quality rules (write at least one)"),
                problems("contract:\n  quality: []\n"));
        assertEquals(List.of("products/commerce.yaml:2: contract.quality: must be a list of rules, such as - not_null: [o_orderkey], not a mapping",
                "products/commerce.yaml:3: contract.sla: unknown key (known keys here: schema, quality)"),
                problems("contract:\n  quality: {not_null: [a]}\n  sla: 6h\n"));
    }
}
