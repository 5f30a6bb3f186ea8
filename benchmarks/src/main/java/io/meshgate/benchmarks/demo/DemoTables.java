package io.meshgate.benchmarks.demo;

import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.Region;
import io.trino.tpch.RegionGenerator;
import io.trino.tpch.Supplier;
import io.trino.tpch.SupplierGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The eight TPC-H tables split over the demo mesh's domains, each a data product with a
 * description, a freshness SLA (daily for orders and line items, weekly for customers and supply,
 * monthly for the reference tables) and a version, with TPC-H's column names: keys are
 * longs, money, quantities, discounts and taxes {@code decimal(12,2)}, counts ints, dates dates,
 * the rest strings. Orders are partitioned by month of {@code o_orderdate}; lineitem is not
 * partitioned (it is split into files by row count instead).
 */
final class DemoTables {
    private static final Type KEY = Types.LongType.get();
    private static final Type MONEY = Types.DecimalType.of(12, 2);
    private static final Type COUNT = Types.IntegerType.get();
    private static final Type DATE = Types.DateType.get();
    private static final Type TEXT = Types.StringType.get();

    private DemoTables() {
    }

    /** Every demo table, grouped by domain in the order of {@link DemoDomain}. */
    static List<DemoTable<?>> all() {
        return List.of(orders(), lineitem(), customer(), nation(), region(), part(), partsupp(), supplier());
    }

    static DemoTable<Order> orders() {
        return new DemoTable<>(DemoDomain.COMMERCE, "orders", "Customer orders with their status, total price, date and priority.",
                "24h", "2.3",
                List.of(
                        column("o_orderkey", KEY, Order::getOrderKey),
                        column("o_custkey", KEY, Order::getCustomerKey),
                        column("o_orderstatus", TEXT, o -> String.valueOf(o.getOrderStatus())),
                        column("o_totalprice", MONEY, o -> cents(o.getTotalPriceInCents())),
                        column("o_orderdate", DATE, o -> date(o.getOrderDate())),
                        column("o_orderpriority", TEXT, Order::getOrderPriority),
                        column("o_clerk", TEXT, Order::getClerk),
                        column("o_shippriority", COUNT, Order::getShipPriority),
                        column("o_comment", TEXT, Order::getComment)),
                Optional.of("o_orderdate"),
                scale -> new OrderGenerator(scale, 1, 1));
    }

    static DemoTable<LineItem> lineitem() {
        return new DemoTable<>(DemoDomain.COMMERCE, "lineitem", "The lines of each order: part, supplier, quantity, price, discount, tax and shipping.",
                "24h", "2.3",
                List.of(
                        column("l_orderkey", KEY, LineItem::getOrderKey),
                        column("l_partkey", KEY, LineItem::getPartKey),
                        column("l_suppkey", KEY, LineItem::getSupplierKey),
                        column("l_linenumber", COUNT, LineItem::getLineNumber),
                        column("l_quantity", MONEY, l -> cents(l.getQuantity() * 100)),
                        column("l_extendedprice", MONEY, l -> cents(l.getExtendedPriceInCents())),
                        column("l_discount", MONEY, l -> cents(l.getDiscountPercent())),
                        column("l_tax", MONEY, l -> cents(l.getTaxPercent())),
                        column("l_returnflag", TEXT, LineItem::getReturnFlag),
                        column("l_linestatus", TEXT, LineItem::getStatus),
                        column("l_shipdate", DATE, l -> date(l.getShipDate())),
                        column("l_commitdate", DATE, l -> date(l.getCommitDate())),
                        column("l_receiptdate", DATE, l -> date(l.getReceiptDate())),
                        column("l_shipinstruct", TEXT, LineItem::getShipInstructions),
                        column("l_shipmode", TEXT, LineItem::getShipMode),
                        column("l_comment", TEXT, LineItem::getComment)),
                Optional.empty(),
                scale -> new LineItemGenerator(scale, 1, 1));
    }

    static DemoTable<Customer> customer() {
        return new DemoTable<>(DemoDomain.CUSTOMER, "customer", "Customers with their address, nation, phone, account balance and market segment.",
                "7d", "1.8",
                List.of(
                        column("c_custkey", KEY, Customer::getCustomerKey),
                        column("c_name", TEXT, Customer::getName),
                        column("c_address", TEXT, Customer::getAddress),
                        column("c_nationkey", KEY, Customer::getNationKey),
                        column("c_phone", TEXT, Customer::getPhone),
                        column("c_acctbal", MONEY, c -> cents(c.getAccountBalanceInCents())),
                        column("c_mktsegment", TEXT, Customer::getMarketSegment),
                        column("c_comment", TEXT, Customer::getComment)),
                Optional.empty(),
                scale -> new CustomerGenerator(scale, 1, 1));
    }

    static DemoTable<Nation> nation() {
        return new DemoTable<>(DemoDomain.CUSTOMER, "nation", "The 25 nations customers and suppliers belong to, each in a region.",
                "30d", "1.0",
                List.of(
                        column("n_nationkey", KEY, Nation::getNationKey),
                        column("n_name", TEXT, Nation::getName),
                        column("n_regionkey", KEY, Nation::getRegionKey),
                        column("n_comment", TEXT, Nation::getComment)),
                Optional.empty(),
                scale -> new NationGenerator());
    }

    static DemoTable<Region> region() {
        return new DemoTable<>(DemoDomain.CUSTOMER, "region", "The 5 world regions nations are grouped into.",
                "30d", "1.0",
                List.of(
                        column("r_regionkey", KEY, Region::getRegionKey),
                        column("r_name", TEXT, Region::getName),
                        column("r_comment", TEXT, Region::getComment)),
                Optional.empty(),
                scale -> new RegionGenerator());
    }

    static DemoTable<Part> part() {
        return new DemoTable<>(DemoDomain.SUPPLY, "part", "Parts with their manufacturer, brand, type, size, container and retail price.",
                "7d", "1.2",
                List.of(
                        column("p_partkey", KEY, Part::getPartKey),
                        column("p_name", TEXT, Part::getName),
                        column("p_mfgr", TEXT, Part::getManufacturer),
                        column("p_brand", TEXT, Part::getBrand),
                        column("p_type", TEXT, Part::getType),
                        column("p_size", COUNT, Part::getSize),
                        column("p_container", TEXT, Part::getContainer),
                        column("p_retailprice", MONEY, p -> cents(p.getRetailPriceInCents())),
                        column("p_comment", TEXT, Part::getComment)),
                Optional.empty(),
                scale -> new PartGenerator(scale, 1, 1));
    }

    static DemoTable<PartSupplier> partsupp() {
        return new DemoTable<>(DemoDomain.SUPPLY, "partsupp", "Which supplier offers which part, with the quantity available and the supply cost.",
                "7d", "1.4",
                List.of(
                        column("ps_partkey", KEY, PartSupplier::getPartKey),
                        column("ps_suppkey", KEY, PartSupplier::getSupplierKey),
                        column("ps_availqty", COUNT, PartSupplier::getAvailableQuantity),
                        column("ps_supplycost", MONEY, ps -> cents(ps.getSupplyCostInCents())),
                        column("ps_comment", TEXT, PartSupplier::getComment)),
                Optional.empty(),
                scale -> new PartSupplierGenerator(scale, 1, 1));
    }

    static DemoTable<Supplier> supplier() {
        return new DemoTable<>(DemoDomain.SUPPLY, "supplier", "Suppliers with their address, nation, phone and account balance.",
                "7d", "1.2",
                List.of(
                        column("s_suppkey", KEY, Supplier::getSupplierKey),
                        column("s_name", TEXT, Supplier::getName),
                        column("s_address", TEXT, Supplier::getAddress),
                        column("s_nationkey", KEY, Supplier::getNationKey),
                        column("s_phone", TEXT, Supplier::getPhone),
                        column("s_acctbal", MONEY, s -> cents(s.getAccountBalanceInCents())),
                        column("s_comment", TEXT, Supplier::getComment)),
                Optional.empty(),
                scale -> new SupplierGenerator(scale, 1, 1));
    }

    private static <T> DemoColumn<T> column(String name, Type type, Function<T, Object> value) {
        return new DemoColumn<>(name, type, value);
    }

    /** An exact two-decimal value from hundredths (cents, or percent points for discount and tax). */
    private static BigDecimal cents(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    private static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
