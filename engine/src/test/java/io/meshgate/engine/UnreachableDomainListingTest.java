package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.SchemaBinding;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.policy.Governance;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** A domain whose source is down is left out of listings; the other domains are still listed. */
class UnreachableDomainListingTest {
    private static final Principal ADMIN = Principal.of("admin");

    private final InMemoryConnector reachable = new InMemoryConnector(Map.of("sales", Map.of("orders", new InMemoryConnector.Table(
            new Schema(List.of(Field.nullable("id", new ArrowType.Int(64, true)))), List.of()))), 10);
    private final MeshCatalog mesh = new MeshCatalog(List.of(
            new Domain("commerce", reachable, List.of(new SchemaBinding("sales", "sales"))),
            new Domain("archive", new DownConnector(), List.of(new SchemaBinding("old", "old"))),
            new Domain("legacy", new DownConnector(), List.of())));
    private final CatalogView view = new CatalogView(mesh, Governance.open(), ADMIN);

    @Test
    void listingsLeaveOutDomainsWhoseSourceIsDown() {
        assertEquals(List.of("commerce"), view.domainNames());
        assertEquals(List.of(), view.schemaNames("archive"));
        assertEquals(List.of(), view.schemaNames("legacy"));
        assertEquals(List.of("commerce.sales.orders"),
                view.tables(Optional.empty(), schema -> true, table -> true).stream().map(VisibleTable::qualifiedName).toList());
    }

    @Test
    void aTableOfADomainWhoseSourceIsDownFailsWithTheSourcesError() {
        MeshgateException e = assertThrows(MeshgateException.class, () -> view.table("archive", "old", "records"));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
    }

    /** A connector whose database cannot be reached. */
    private static final class DownConnector implements Connector {
        private static MeshgateException down() {
            return new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot reach the database: connection refused");
        }

        @Override
        public List<String> schemaNames() {
            throw down();
        }

        @Override
        public List<String> tableNames(String schema) {
            throw down();
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            throw down();
        }

        @Override
        public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator allocator) {
            throw down();
        }

        @Override
        public void close() {
        }
    }
}
