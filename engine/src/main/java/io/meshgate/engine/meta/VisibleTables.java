package io.meshgate.engine.meta;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleTable;
import java.util.Optional;
import java.util.stream.Stream;

/** The tables a system table has rows for: every table the view shows, domain by domain, as listings see them. */
final class VisibleTables {
    private VisibleTables() {
    }

    static Stream<VisibleTable> all(CatalogView view) {
        return view.tables(Optional.empty(), schema -> true, table -> true).stream();
    }
}
