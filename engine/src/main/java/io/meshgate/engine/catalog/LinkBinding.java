package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One configured link as last bound, for its owner and for governance (listings of links, logs).
 *
 * @param status OK when it reached its target when bound (a table may have gone since: see
 *               {@link VisibleLink#status()} for each table now)
 * @param detail what it was bound to, or why it is not
 * @param tables the names of the tables it gives, sorted: a schema link's are those its target
 *               schema held when bound; a table link gives its own name
 */
public record LinkBinding(Link link, LinkStatus status, String detail, List<String> tables) {
    public LinkBinding {
        requireNonNull(link, "link is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }
}
