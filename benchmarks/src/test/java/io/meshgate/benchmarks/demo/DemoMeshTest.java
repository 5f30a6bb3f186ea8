package io.meshgate.benchmarks.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.engine.product.Product;
import io.meshgate.engine.product.ProductFields;
import io.meshgate.engine.product.ProductFiles;
import io.meshgate.engine.product.ProductStatus;
import io.meshgate.engine.product.Products;
import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.RegionGenerator;
import io.trino.tpch.SupplierGenerator;
import io.trino.tpch.TpchEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMeshTest {
    private static final double SCALE = 0.001;

    @TempDir
    static Path sharedDir;

    private static Path sharedConfig;
    private static String sharedProgress;

    @BeforeAll
    static void generateOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sharedConfig = DemoMesh.ensure(sharedDir, SCALE, new PrintStream(out, true, StandardCharsets.UTF_8));
        sharedProgress = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachDomainHasItsOwnCatalogListingItsTables() {
        assertEquals(Set.of("orders", "lineitem"), tableNames(DemoDomain.COMMERCE));
        assertEquals(Set.of("customer", "nation", "region"), tableNames(DemoDomain.CUSTOMER));
        assertEquals(Set.of("part", "partsupp", "supplier"), tableNames(DemoDomain.SUPPLY));
        for (DemoDomain domain : DemoDomain.values()) {
            assertTrue(Files.isRegularFile(sharedDir.resolve(domain.domainName()).resolve("catalog.db")), domain + " catalog file");
            withTable(domain, tableNames(domain).iterator().next(), table ->
                    assertTrue(table.location().startsWith(domain.warehouseUri(sharedDir)), table.location()));
        }
    }

    @Test
    void everyTableHoldsExactlyTheTpchGeneratorsRows() {
        assertSameRows("orders", new OrderGenerator(SCALE, 1, 1), Set.of());
        assertSameRows("lineitem", new LineItemGenerator(SCALE, 1, 1), Set.of("l_quantity"));
        assertSameRows("customer", new CustomerGenerator(SCALE, 1, 1), Set.of());
        assertSameRows("nation", new NationGenerator(), Set.of());
        assertSameRows("region", new RegionGenerator(), Set.of());
        assertSameRows("part", new PartGenerator(SCALE, 1, 1), Set.of());
        assertSameRows("partsupp", new PartSupplierGenerator(SCALE, 1, 1), Set.of());
        assertSameRows("supplier", new SupplierGenerator(SCALE, 1, 1), Set.of());
    }

    @Test
    void firstOrderLineItemAndCustomerHaveTheGeneratorsValues() {
        Order order = new OrderGenerator(SCALE, 1, 1).iterator().next();
        Record first = rowWhere(DemoDomain.COMMERCE, "orders", "o_orderkey", order.getOrderKey());
        assertEquals(order.getCustomerKey(), first.getField("o_custkey"));
        assertEquals(String.valueOf(order.getOrderStatus()), first.getField("o_orderstatus"));
        assertEquals(BigDecimal.valueOf(order.getTotalPriceInCents(), 2), first.getField("o_totalprice"));
        assertEquals(LocalDate.ofEpochDay(order.getOrderDate()), first.getField("o_orderdate"));
        assertEquals(order.getShipPriority(), first.getField("o_shippriority"));
        assertEquals(order.getComment(), first.getField("o_comment"));

        LineItem line = new LineItemGenerator(SCALE, 1, 1).iterator().next();
        Record lineRow = rowWhere(DemoDomain.COMMERCE, "lineitem", "l_orderkey", line.getOrderKey(), "l_linenumber", line.getLineNumber());
        assertEquals(new BigDecimal(line.getQuantity() + ".00"), lineRow.getField("l_quantity"));
        assertEquals(new BigDecimal(String.format("%.2f", line.getDiscount())), lineRow.getField("l_discount"));
        assertEquals(new BigDecimal(String.format("%.2f", line.getTax())), lineRow.getField("l_tax"));
        assertEquals(LocalDate.ofEpochDay(line.getShipDate()), lineRow.getField("l_shipdate"));

        Customer customer = new CustomerGenerator(SCALE, 1, 1).iterator().next();
        Record customerRow = rowWhere(DemoDomain.CUSTOMER, "customer", "c_custkey", customer.getCustomerKey());
        assertEquals(customer.getName(), customerRow.getField("c_name"));
        assertEquals(BigDecimal.valueOf(customer.getAccountBalanceInCents(), 2), customerRow.getField("c_acctbal"));
    }

    @Test
    void columnTypesAreTheAgreedOnesAndAllRequired() {
        Set<String> money = Set.of("o_totalprice", "l_quantity", "l_extendedprice", "l_discount", "l_tax",
                "c_acctbal", "p_retailprice", "ps_supplycost", "s_acctbal");
        Set<String> integers = Set.of("l_linenumber", "p_size", "ps_availqty", "o_shippriority");
        Set<String> dates = Set.of("o_orderdate", "l_shipdate", "l_commitdate", "l_receiptdate");
        int checked = 0;
        for (DemoTable<?> definition : DemoTables.all()) {
            Table table = loadTable(definition.domain(), definition.name());
            for (Types.NestedField field : table.schema().columns()) {
                Type expected;
                if (field.name().endsWith("key")) {
                    expected = Types.LongType.get();
                } else if (money.contains(field.name())) {
                    expected = Types.DecimalType.of(12, 2);
                } else if (integers.contains(field.name())) {
                    expected = Types.IntegerType.get();
                } else if (dates.contains(field.name())) {
                    expected = Types.DateType.get();
                } else {
                    expected = Types.StringType.get();
                }
                assertEquals(expected, field.type(), definition.name() + "." + field.name());
                assertTrue(field.isRequired(), field.name() + " is required");
                checked++;
            }
        }
        assertEquals(61, checked, "TPC-H has 61 columns");
    }

    @Test
    void ordersArePartitionedByMonthOfOrderDateAndLineitemIsNot() {
        Table orders = loadTable(DemoDomain.COMMERCE, "orders");
        List<PartitionField> fields = orders.spec().fields();
        assertEquals(1, fields.size());
        assertEquals("month", fields.get(0).transform().toString());
        assertEquals("o_orderdate", orders.schema().findColumnName(fields.get(0).sourceId()));
        Set<Object> months = new HashSet<>();
        for (DataFile file : dataFiles(orders)) {
            assertTrue(months.add(file.partition().get(0, Integer.class)), "one file per month at this scale");
        }
        assertTrue(months.size() > 70, "TPC-H orders span 80 months, got " + months.size());
        assertTrue(loadTable(DemoDomain.COMMERCE, "lineitem").spec().isUnpartitioned());
    }

    @Test
    void dataFilesAreParquetCompressedWithZstd() throws IOException {
        DataFile file = dataFiles(loadTable(DemoDomain.COMMERCE, "lineitem")).get(0);
        Path path = Path.of(URI.create(file.location()));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
            for (ColumnChunkMetaData column : reader.getFooter().getBlocks().get(0).getColumns()) {
                assertEquals(CompressionCodecName.ZSTD, column.getCodec(), column.getPath().toDotString());
            }
        }
    }

    @Test
    void tablesDescribeThemselvesAsDataProducts() {
        Map<String, String> orders = loadTable(DemoDomain.COMMERCE, "orders").properties();
        assertEquals("commerce-team", orders.get("meshgate.owner"));
        assertEquals("commerce-team@example.com", orders.get("meshgate.contact"));
        assertEquals("24h", orders.get("meshgate.sla.freshness"));
        assertEquals("2.3", orders.get("meshgate.version"));
        assertEquals("active", orders.get("meshgate.status"));
        assertTrue(orders.get("meshgate.access").contains("commerce-team@example.com"), orders.get("meshgate.access"));
        assertEquals("supply-team", loadTable(DemoDomain.SUPPLY, "supplier").properties().get("meshgate.owner"));
        for (DemoTable<?> definition : DemoTables.all()) {
            Map<String, String> properties = loadTable(definition.domain(), definition.name()).properties();
            Product product = Products.fromProperties().of(definition.domain().domainName(), definition.domain().schema(), definition.name(),
                    properties);
            assertTrue(product.description().orElseThrow().endsWith("."), definition.name() + ": " + product);
            assertTrue(product.owner().isPresent() && product.contact().isPresent() && product.freshnessSla().isPresent()
                    && product.version().isPresent() && product.access().isPresent(), definition.name() + ": " + product);
        }
    }

    @Test
    void theProductFileDeprecatesPartsuppWithASunsetAYearAheadAndDeclaresTwoContracts() {
        ProductFiles files = ProductFiles.load(sharedDir.resolve("products"));
        assertEquals(Set.of("supply.inventory.partsupp", "commerce.sales.orders", "customer.crm.region"), files.entries().keySet());
        assertTrue(files.entry("commerce.sales.orders").orElseThrow().contract().isPresent());
        assertTrue(files.entry("customer.crm.region").orElseThrow().contract().isPresent());
        ProductFields partsupp = files.entry("supply.inventory.partsupp").orElseThrow().fields();
        assertEquals(Optional.of(ProductStatus.DEPRECATED), partsupp.status());
        assertEquals(Optional.of(LocalDate.now(ZoneOffset.UTC).plusYears(1)), partsupp.sunset());
    }

    @Test
    void configurationServesTheThreeDomainsWithTheDemoUsersPoliciesAndAudit() throws IOException {
        assertEquals(sharedDir.toAbsolutePath().resolve("meshgate.yaml"), sharedConfig);
        String written = Files.readString(sharedConfig);
        String key = hashKey(sharedConfig);
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertEquals(MeshConfigFile.render(sharedDir.toAbsolutePath(), key), written);
        assertTrue(written.contains("catalog: {type: jdbc, uri: \"jdbc:sqlite:" + sharedDir.toAbsolutePath() + "/commerce/catalog.db\""), written);
    }

    @Test
    void policyFilesAreCopiedNextToTheConfiguration() throws IOException {
        Path policies = sharedDir.resolve("policies");
        for (String name : DemoPolicies.fileNames()) {
            assertTrue(Files.isRegularFile(policies.resolve(name)), name);
        }
        try (Stream<Path> files = Files.list(policies)) {
            assertEquals(DemoPolicies.fileNames().size(), files.count());
        }
    }

    @Test
    void progressReportsEachTableWithItsRowCountAndASummary() {
        List<String> tableLines = sharedProgress.lines().filter(line -> line.startsWith("  ") && line.contains(" rows ")).toList();
        assertEquals(8, tableLines.size(), sharedProgress);
        assertTrue(sharedProgress.contains("commerce.sales.orders") && sharedProgress.contains("1,500 rows"), sharedProgress);
        assertTrue(sharedProgress.lines().anyMatch(line -> line.startsWith("Demo mesh ready: 8 tables")), sharedProgress);
    }

    @Test
    void secondEnsureReusesTheMeshWithoutRewritingIt(@TempDir Path dir) {
        Path config = DemoMesh.ensure(dir, SCALE, quiet());
        assertNotEquals(hashKey(sharedConfig), hashKey(config), "each data directory has its own HASH key");
        String key = hashKey(config);
        Map<Path, Long> before = modificationTimes(dir);
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path again = DemoMesh.ensure(dir, SCALE, new PrintStream(out, true, StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(config, again);
        assertEquals(before, modificationTimes(dir));
        assertEquals(key, hashKey(again), "reuse keeps the key");
        assertTrue(millis < 1000, "reuse took " + millis + " ms");
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Reusing the demo mesh"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void meshWithoutMarkerIsDeletedAndGeneratedAgain(@TempDir Path dir) throws IOException {
        DemoMesh.ensure(dir, SCALE, quiet());
        Files.delete(dir.resolve(".complete"));
        Path leftover = Files.writeString(dir.resolve("commerce/warehouse/half-written.parquet"), "x");
        Path stalePolicy = Files.writeString(dir.resolve("policies/removed.yaml"), "grants: []\n");
        Path staleProducts = Files.writeString(dir.resolve("products/removed.yaml"), "products: []\n");
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "kept");

        DemoMesh.ensure(dir, SCALE, quiet());

        assertFalse(Files.exists(leftover), "files of the half-written mesh are deleted");
        assertFalse(Files.exists(stalePolicy), "the policy folder is the generator's");
        assertFalse(Files.exists(staleProducts), "so is the product folder");
        assertTrue(Files.exists(unrelated), "files the generator does not own are kept");
        assertEquals(new CompletionMarker(SCALE, DemoMesh.FORMAT_VERSION, dir.toAbsolutePath().normalize().toString()),
                CompletionMarker.read(dir).orElseThrow());
        assertEquals(1500, count(dir, DemoDomain.COMMERCE, "orders"));
    }

    @Test
    void meshOfAnotherScaleIsReplaced(@TempDir Path dir) {
        DemoMesh.ensure(dir, SCALE, quiet());
        DemoMesh.ensure(dir, 0.002, quiet());
        assertEquals(0.002, CompletionMarker.read(dir).orElseThrow().scaleFactor());
        assertEquals(count(new OrderGenerator(0.002, 1, 1)), count(dir, DemoDomain.COMMERCE, "orders"));
        assertEquals(count(new CustomerGenerator(0.002, 1, 1)), count(dir, DemoDomain.CUSTOMER, "customer"));
    }

    @Test
    void movedMeshIsGeneratedAgainForItsNewPlace(@TempDir Path dir) throws IOException {
        Path before = dir.resolve("before");
        DemoMesh.ensure(before, SCALE, quiet());
        Path after = Files.move(before, dir.resolve("after"));

        Path config = DemoMesh.ensure(after, SCALE, quiet());

        assertTrue(Files.readString(config).contains(after.toAbsolutePath() + "/commerce/catalog.db"));
        assertFalse(Files.readString(config).contains(before.toAbsolutePath().toString()));
        withTable(after, DemoDomain.COMMERCE, "orders", table ->
                assertTrue(table.location().contains("/after/"), table.location()));
    }

    @Test
    void rejectsScaleFactorsThatAreNotPositive(@TempDir Path dir) {
        for (double scale : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DemoMesh.ensure(dir, scale, quiet()));
            assertTrue(e.getMessage().contains("scale factor must be a positive number"), e.getMessage());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the table, rendered as TPC-H's own text line, against the generator's lines. */
    private static void assertSameRows(String tableName, Iterable<? extends TpchEntity> generator, Set<String> wholeNumberDecimals) {
        DemoTable<?> definition = DemoTables.all().stream().filter(t -> t.name().equals(tableName)).findFirst().orElseThrow();
        List<String> expected = new ArrayList<>();
        generator.forEach(row -> expected.add(row.toLine()));
        List<String> actual = new ArrayList<>();
        withTable(definition.domain(), tableName, table -> {
            try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
                for (Record row : rows) {
                    actual.add(line(row, table.schema().columns(), wholeNumberDecimals));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected.size(), actual.size(), tableName + " row count");
        assertEquals(expected, actual, tableName + " rows");
    }

    private static String line(Record row, List<Types.NestedField> columns, Set<String> wholeNumberDecimals) {
        StringBuilder line = new StringBuilder();
        for (Types.NestedField column : columns) {
            Object value = row.getField(column.name());
            if (value instanceof BigDecimal decimal) {
                line.append(wholeNumberDecimals.contains(column.name()) ? decimal.toBigIntegerExact().toString() : decimal.toPlainString());
            } else {
                line.append(value);
            }
            line.append('|');
        }
        return line.toString();
    }

    private static Record rowWhere(DemoDomain domain, String tableName, Object... columnValuePairs) {
        List<Record> found = new ArrayList<>();
        withTable(domain, tableName, table -> {
            try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
                for (Record row : rows) {
                    boolean matches = true;
                    for (int i = 0; i < columnValuePairs.length; i += 2) {
                        matches &= columnValuePairs[i + 1].equals(row.getField((String) columnValuePairs[i]));
                    }
                    if (matches) {
                        found.add(row.copy());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals(1, found.size(), tableName + " rows matching");
        return found.get(0);
    }

    private static Set<String> tableNames(DemoDomain domain) {
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(domain.catalogSpec(sharedDir))) {
            assertEquals(List.of(Namespace.of(domain.domainName())), catalog.listNamespaces());
            return catalog.listTables(Namespace.of(domain.domainName())).stream().map(TableIdentifier::name).collect(Collectors.toSet());
        }
    }

    private static Table loadTable(DemoDomain domain, String name) {
        List<Table> table = new ArrayList<>();
        withTable(domain, name, table::add);
        return table.get(0);
    }

    private static void withTable(DemoDomain domain, String name, Consumer<Table> action) {
        withTable(sharedDir, domain, name, action);
    }

    private static void withTable(Path dir, DemoDomain domain, String name, Consumer<Table> action) {
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(domain.catalogSpec(dir))) {
            action.accept(catalog.loadTable(TableIdentifier.of(domain.domainName(), name)));
        }
    }

    private static List<DataFile> dataFiles(Table table) {
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            return StreamSupport.stream(tasks.spliterator(), false).map(FileScanTask::file).map(f -> (DataFile) f.copy()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Path dir, DemoDomain domain, String name) {
        long[] rows = new long[1];
        withTable(dir, domain, name, table -> {
            try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
                records.forEach(r -> rows[0]++);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return rows[0];
    }

    private static long count(Iterable<?> generator) {
        return StreamSupport.stream(generator.spliterator(), false).count();
    }

    private static Map<Path, Long> modificationTimes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<Path, Long> times = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file).toMillis());
            }
            return times;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hashKey(Path config) {
        try {
            return Files.readAllLines(config).stream().filter(line -> line.startsWith("policy-hash-key: "))
                    .map(line -> line.substring("policy-hash-key: ".length()).replace("\"", "")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
