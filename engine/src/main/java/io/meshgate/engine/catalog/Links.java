package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource links of the mesh (POLICY.md section 4) and what each is bound to.
 *
 * <p>Links live in domains of their own, which hold links only. Binding ({@link #rebind()}, done
 * when the mesh is built) resolves every link to real tables and records each table's UUID:
 * <ul>
 * <li>a table link gives its own name, bound to the table its target is (following links);</li>
 * <li>a schema link gives one name per table its target schema holds at binding, each bound to
 * that table. A table added to the target schema later is not reachable through the link until
 * the links are bound again: a link only ever leads to tables that were there when it was bound,
 * so nothing appears behind a link without a deliberate rebinding.</li>
 * </ul>
 * A name stays bound to the UUID: when its table is dropped, or dropped and re-created, the name is
 * DANGLING (a missing table for users) until the links are bound again. A link whose target is or
 * lies under another link follows it; one that leads back to itself is a CYCLE, reported for that
 * link alone. A link that cannot be bound (missing target, unreadable catalog) never keeps the
 * others from binding.
 */
public final class Links {
    private static final Logger LOG = LoggerFactory.getLogger(Links.class);

    /** One step from a name in the links' namespace to the next: the link crossed, and the table's name in it. */
    record Hop(Link link, ObjectName name) {
        Hop {
            requireNonNull(link, "link is null");
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A table name in the links' namespace as bound: the links crossed from it to a real table
     * (its own link first), and the table and its UUID at binding; or why it reaches none.
     */
    record LinkedName(ObjectName name, List<Hop> hops, LinkStatus status, Optional<ObjectName> target, Optional<String> uuid, String detail) {
        LinkedName {
            requireNonNull(name, "name is null");
            hops = List.copyOf(requireNonNull(hops, "hops is null"));
            requireNonNull(status, "status is null");
            requireNonNull(target, "target is null");
            requireNonNull(uuid, "uuid is null");
            requireNonNull(detail, "detail is null");
            if (hops.isEmpty()) {
                throw new IllegalArgumentException("Cannot bind " + name + ": it crosses no link");
            }
        }

        /** The link that gives this name. */
        Link link() {
            return hops.get(0).link();
        }
    }

    /** The table behind a bound name now: present only when it is still the table the name was bound to. */
    record Resolution(LinkStatus status, Optional<Domain> domain, Optional<TableMetadata> table) {
    }

    private record Bound(Map<ObjectName, LinkedName> names, List<LinkBinding> bindings) {
    }

    /** How far binding got from one name: a real table (and the hops to it), or why not. */
    private record Reach(List<Hop> hops, LinkStatus status, Optional<ObjectName> table, Optional<String> uuid, String detail) {
        static Reach broken(LinkStatus status, String detail) {
            return new Reach(List.of(), status, Optional.empty(), Optional.empty(), detail);
        }

        Reach after(Hop hop) {
            List<Hop> longer = new ArrayList<>();
            longer.add(hop);
            longer.addAll(hops);
            return new Reach(longer, status, table, uuid, detail);
        }
    }

    private final List<Link> links;
    private final Map<ObjectName, Link> tableLinks = new LinkedHashMap<>();
    private final Map<ObjectName, Link> schemaLinks = new LinkedHashMap<>();
    private final Map<String, List<String>> schemasByDomain = new LinkedHashMap<>();
    private final Function<String, Optional<Domain>> domains;
    private final AtomicLong generation = new AtomicLong();
    private volatile Bound bound = new Bound(Map.of(), List.of());

    /**
     * @param domains finds the domains that hold data; no link may live in one
     * @throws IllegalArgumentException when two links have one name, a table link lies under a
     *                                  schema link, or a link lives in a domain that holds data
     */
    Links(List<Link> links, Function<String, Optional<Domain>> domains) {
        this.links = List.copyOf(requireNonNull(links, "links is null"));
        this.domains = requireNonNull(domains, "domains is null");
        for (Link link : this.links) {
            if (domains.apply(link.name().domain()).isPresent()) {
                throw new IllegalArgumentException("Cannot add link " + link.name() + ": domain '" + link.name().domain()
                        + "' holds data, and links live in domains of links only (name the link in another domain)");
            }
            if ((link.isSchemaLink() ? schemaLinks : tableLinks).putIfAbsent(link.name(), link) != null) {
                throw new IllegalArgumentException("Cannot add link " + link.name() + ": it is defined twice");
            }
            List<String> schemas = schemasByDomain.computeIfAbsent(link.name().domain(), d -> new ArrayList<>());
            if (!schemas.contains(link.name().schema())) {
                schemas.add(link.name().schema());
            }
        }
        schemasByDomain.replaceAll((domain, schemas) -> List.copyOf(schemas));
        for (Link link : tableLinks.values()) {
            if (schemaLinks.containsKey(link.name().schemaName())) {
                throw new IllegalArgumentException("Cannot add link " + link.name() + ": it lies in schema link " + link.name().schemaName()
                        + ", whose tables are its target's (put the table link in another schema)");
            }
        }
    }

    /** Every link, in configuration order. */
    public List<Link> all() {
        return links;
    }

    /** The domains that hold links, in configuration order. */
    public List<String> domainNames() {
        return List.copyOf(schemasByDomain.keySet());
    }

    public boolean isLinkDomain(String domain) {
        return schemasByDomain.containsKey(domain);
    }

    /** The schemas of a domain of links: schema links and the schemas that hold table links, in configuration order. */
    public List<String> schemaNames(String domain) {
        return schemasByDomain.getOrDefault(domain, List.of());
    }

    /** The table names a schema of links gives as last bound, sorted. */
    public List<String> tableNames(String domain, String schema) {
        return bound.names().keySet().stream()
                .filter(name -> name.domain().equals(domain) && name.schema().equals(schema))
                .map(name -> name.table().orElseThrow())
                .sorted()
                .toList();
    }

    /** Every link as last bound, in configuration order. */
    public List<LinkBinding> bindings() {
        return bound.bindings();
    }

    /** Grows at every binding: what was planned through links before may lead elsewhere now. */
    public long generation() {
        return generation.get();
    }

    /**
     * Binds every link again to what its target is now (a DANGLING name bound to a re-created
     * table, a schema link to the tables its target schema holds now). Each link that is not OK is
     * logged with why.
     *
     * @return every link as now bound
     */
    public synchronized List<LinkBinding> rebind() {
        Map<ObjectName, LinkedName> names = new TreeMap<>((a, b) -> a.qualifiedName().compareTo(b.qualifiedName()));
        List<LinkBinding> bindings = new ArrayList<>();
        for (Link link : links) {
            LinkBinding binding;
            try {
                binding = link.isSchemaLink() ? bindSchemaLink(link, names) : bindTableLink(link, names);
            } catch (RuntimeException e) {
                String detail = "cannot read its target " + link.target() + ": " + e.getMessage();
                binding = new LinkBinding(link, LinkStatus.UNAVAILABLE, detail, link.isSchemaLink() ? List.of() : List.of(link.name().table().orElseThrow()));
                if (!link.isSchemaLink()) {
                    names.put(link.name(), new LinkedName(link.name(), List.of(new Hop(link, link.name())), LinkStatus.UNAVAILABLE,
                            Optional.empty(), Optional.empty(), detail));
                }
            }
            if (binding.status() == LinkStatus.OK) {
                LOG.debug("Link {} -> {}: {}", link.name(), link.target(), binding.detail());
            } else {
                LOG.warn("Link {} -> {} is {}: {}", link.name(), link.target(), binding.status(), binding.detail());
            }
            bindings.add(binding);
        }
        bound = new Bound(Collections.unmodifiableMap(names), List.copyOf(bindings));
        generation.incrementAndGet();
        return bound.bindings();
    }

    private LinkBinding bindTableLink(Link link, Map<ObjectName, LinkedName> names) {
        LinkedName name = linked(link.name(), reachTable(link.name(), List.of()));
        names.put(link.name(), name);
        return new LinkBinding(link, name.status(), name.detail(), List.of(link.name().table().orElseThrow()));
    }

    private LinkBinding bindSchemaLink(Link link, Map<ObjectName, LinkedName> names) {
        List<Link> path = List.of(link);
        Reach schema = reachSchema(link.target(), path);
        if (schema.status() != LinkStatus.OK) {
            return new LinkBinding(link, schema.status(), schema.detail(), List.of());
        }
        List<String> tables = tablesOf(link.target(), path);
        for (String table : tables) {
            ObjectName name = link.name().child(table);
            names.put(name, linked(name, reachTable(name, List.of())));
        }
        return new LinkBinding(link, LinkStatus.OK, "bound to the " + tables.size() + " table(s) of " + schema.detail(),
                tables.stream().sorted().toList());
    }

    private static LinkedName linked(ObjectName name, Reach reach) {
        return new LinkedName(name, reach.hops(), reach.status(), reach.table(), reach.uuid(), reach.detail());
    }

    /** Follows {@code name} through links to a real table; {@code path} holds the links crossed so far. */
    private Reach reachTable(ObjectName name, List<Link> path) {
        if (!isLinkDomain(name.domain())) {
            Optional<TableMetadata> table = domains.apply(name.domain()).flatMap(d -> d.table(name.schema(), name.table().orElseThrow()));
            return table.map(t -> new Reach(List.of(), LinkStatus.OK, Optional.of(name), Optional.of(t.uuid()),
                            "bound to " + name + " (" + t.uuid() + ")"))
                    .orElseGet(() -> Reach.broken(LinkStatus.DANGLING, "its target " + name + " does not exist"));
        }
        Optional<Link> link = Optional.ofNullable(tableLinks.get(name)).or(() -> Optional.ofNullable(schemaLinks.get(name.schemaName())));
        if (link.isEmpty()) {
            return Reach.broken(LinkStatus.DANGLING, "its target " + name + " is no link");
        }
        if (path.contains(link.get())) {
            return Reach.broken(LinkStatus.CYCLE, cycle(path, link.get()));
        }
        ObjectName next = link.get().isSchemaLink() ? link.get().target().child(name.table().orElseThrow()) : link.get().target();
        return reachTable(next, append(path, link.get())).after(new Hop(link.get(), name));
    }

    /** Follows the schema {@code name} through schema links to a real schema, or a schema of table links. */
    private Reach reachSchema(ObjectName name, List<Link> path) {
        if (!isLinkDomain(name.domain())) {
            boolean exists = domains.apply(name.domain()).flatMap(d -> d.namespaceOf(name.schema())).isPresent();
            return exists ? new Reach(List.of(), LinkStatus.OK, Optional.empty(), Optional.empty(), name.qualifiedName())
                    : Reach.broken(LinkStatus.DANGLING, "its target schema " + name + " does not exist");
        }
        Link link = schemaLinks.get(name);
        if (link == null) {
            return tableLinks.keySet().stream().anyMatch(table -> table.schemaName().equals(name))
                    ? new Reach(List.of(), LinkStatus.OK, Optional.empty(), Optional.empty(), name.qualifiedName())
                    : Reach.broken(LinkStatus.DANGLING, "its target schema " + name + " holds no link");
        }
        if (path.contains(link)) {
            return Reach.broken(LinkStatus.CYCLE, cycle(path, link));
        }
        return reachSchema(link.target(), append(path, link));
    }

    /** The tables of a schema {@link #reachSchema} reached. */
    private List<String> tablesOf(ObjectName name, List<Link> path) {
        if (!isLinkDomain(name.domain())) {
            return domains.apply(name.domain()).map(d -> d.tableNames(name.schema())).orElse(List.of());
        }
        Link link = schemaLinks.get(name);
        if (link == null) {
            return tableLinks.keySet().stream().filter(table -> table.schemaName().equals(name)).map(table -> table.table().orElseThrow()).toList();
        }
        return tablesOf(link.target(), append(path, link));
    }

    private static List<Link> append(List<Link> path, Link link) {
        return Stream.concat(path.stream(), Stream.of(link)).toList();
    }

    private static String cycle(List<Link> path, Link again) {
        List<Link> loop = path.subList(path.indexOf(again), path.size());
        return "it leads back to itself: " + Stream.concat(loop.stream().map(l -> l.name().qualifiedName()), Stream.of(again.name().qualifiedName()))
                .collect(Collectors.joining(" -> ")) + " (change one of these targets)";
    }

    /** The bound name {@code domain.schema.table} of a domain of links, if binding gave it. */
    Optional<LinkedName> name(String domain, String schema, String table) {
        if (domain.isBlank() || schema.isBlank() || table.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(bound.names().get(ObjectName.table(domain, schema, table)));
    }

    /** Every bound name of the domains and schemas accepted, in name order. */
    List<LinkedName> names(Optional<String> domain, Predicate<String> schemaFilter, Predicate<String> tableFilter) {
        return bound.names().values().stream()
                .filter(name -> domain.map(name.name().domain()::equals).orElse(true))
                .filter(name -> schemaFilter.test(name.name().schema()) && tableFilter.test(name.name().table().orElseThrow()))
                .toList();
    }

    /**
     * The table behind a bound name now. It reads the target's current metadata: the name is
     * DANGLING when the table is gone or has another UUID than at binding.
     */
    Resolution resolve(LinkedName name) {
        if (name.status() != LinkStatus.OK) {
            return new Resolution(name.status(), Optional.empty(), Optional.empty());
        }
        ObjectName target = name.target().orElseThrow();
        Optional<Domain> domain = domains.apply(target.domain());
        Optional<TableMetadata> table = domain.flatMap(d -> d.table(target.schema(), target.table().orElseThrow()))
                .filter(t -> t.uuid().equals(name.uuid().orElseThrow()));
        return table.isPresent() ? new Resolution(LinkStatus.OK, domain, table) : new Resolution(LinkStatus.DANGLING, Optional.empty(), Optional.empty());
    }

}
