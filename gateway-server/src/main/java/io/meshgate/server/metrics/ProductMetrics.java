package io.meshgate.server.metrics;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.RelationAccess;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.server.audit.QueryEvent;
import io.meshgate.server.audit.QueryRecorder;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway has served of each data product since it started: queries that read it (by
 * how they ended), and the rows and Arrow bytes of their results. A query that reads several
 * products counts once for each, with its whole result: the numbers say how much was served by
 * queries that read the product, not how much of it came from the product. Counted from the query
 * events of the Flight path ({@link QueryRecorder}); thread-safe; at most {@value #MAX_PRODUCTS}
 * products are tracked, later ones are not counted (and a warning is logged once).
 */
public final class ProductMetrics implements QueryRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ProductMetrics.class);
    static final int MAX_PRODUCTS = 10_000;

    private final int maxProducts;
    private final ConcurrentMap<ProductName, Counters> products = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedFull = new AtomicBoolean();

    public ProductMetrics() {
        this(MAX_PRODUCTS);
    }

    ProductMetrics(int maxProducts) {
        this.maxProducts = maxProducts;
    }

    /** A product by its mesh name. */
    public record ProductName(String domain, String schema, String table) {
        public ProductName {
            requireNonNull(domain, "domain is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(table, "table is null");
        }

        static final Comparator<ProductName> ORDER = Comparator.comparing(ProductName::domain)
                .thenComparing(ProductName::schema).thenComparing(ProductName::table);
    }

    /**
     * The counts of one product.
     *
     * @param completed queries that read it and sent their whole result
     * @param cancelled queries that read it and were cancelled or timed out
     * @param failed    queries that read it and failed while running
     * @param rows      rows sent by those queries
     * @param bytes     Arrow IPC body bytes sent by those queries
     */
    public record Usage(ProductName product, long completed, long cancelled, long failed, long rows, long bytes) {
        public Usage {
            requireNonNull(product, "product is null");
        }
    }

    @Override
    public void record(QueryEvent event) {
        requireNonNull(event, "event is null");
        Set<ProductName> read = new LinkedHashSet<>();
        for (RelationAccess relation : event.relations()) {
            TableDescriptor table = relation.decision().table();
            read.add(new ProductName(table.domain(), table.schema(), table.table()));
        }
        for (ProductName product : read) {
            counters(product).ifPresent(counters -> counters.add(event));
        }
    }

    /** Every product served so far, by name. */
    public List<Usage> usage() {
        return products.entrySet().stream()
                .map(entry -> entry.getValue().usage(entry.getKey()))
                .sorted(Comparator.comparing(Usage::product, ProductName.ORDER))
                .toList();
    }

    private Optional<Counters> counters(ProductName product) {
        Counters existing = products.get(product);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (products.size() >= maxProducts) {
            if (warnedFull.compareAndSet(false, true)) {
                LOG.warn("Served-data metrics track at most {} products; {} and any later new product are not counted", maxProducts,
                        product.domain() + "." + product.schema() + "." + product.table());
            }
            return Optional.empty();
        }
        return Optional.of(products.computeIfAbsent(product, p -> new Counters()));
    }

    private static final class Counters {
        private final LongAdder completed = new LongAdder();
        private final LongAdder cancelled = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder rows = new LongAdder();
        private final LongAdder bytes = new LongAdder();

        void add(QueryEvent event) {
            switch (event.outcome()) {
                case COMPLETED -> completed.increment();
                case CANCELLED -> cancelled.increment();
                case FAILED -> failed.increment();
            }
            rows.add(event.rows());
            bytes.add(event.bytes());
        }

        Usage usage(ProductName product) {
            return new Usage(product, completed.sum(), cancelled.sum(), failed.sum(), rows.sum(), bytes.sum());
        }
    }
}
