package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import io.meshgate.server.transport.flight.LinkSchemaMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code \d}: with no name the domains, with {@code domain} its schemas, with {@code domain.schema}
 * its tables and their types (TABLE, or LINK for a resource link, and then also each link's target
 * when shown and its status), with {@code domain.schema.table} its columns (name, type, nullable),
 * all as the user sees them, written in the current output format. A link that is not OK is
 * reported with its status instead of columns. Names are matched exactly; a part in double
 * quotes may hold dots ({@code \d "my.domain".sales}).
 */
final class Describe {
    private final FlightSqlSession session;

    Describe(FlightSqlSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    void run(String argument, ResultFormatter formatter) {
        List<String> name = names(argument.strip());
        switch (name.size()) {
            case 0 -> write(formatter, List.of("domain"), rows(session.domains()));
            case 1 -> {
                List<String> schemas = session.schemas(name.get(0));
                if (schemas.isEmpty() && !session.domains().contains(name.get(0))) {
                    throw new ShellException("Did not find domain '" + name.get(0) + "' (\\d lists the domains)");
                }
                write(formatter, List.of("schema"), rows(schemas));
            }
            case 2 -> {
                List<FlightSqlSession.ListedTable> tables = session.tables(name.get(0), name.get(1));
                if (tables.isEmpty() && !session.schemas(name.get(0)).contains(name.get(1))) {
                    throw new ShellException("Did not find schema '" + String.join(".", name) + "' (\\d " + name.get(0)
                            + " lists its schemas)");
                }
                writeTables(formatter, tables);
            }
            case 3 -> {
                Schema schema = session.tableSchema(name.get(0), name.get(1), name.get(2)).orElseThrow(() -> new ShellException(
                        "Did not find table '" + String.join(".", name) + "' (\\d " + name.get(0) + "." + name.get(1) + " lists its tables)"));
                String status = schema.getCustomMetadata().get(LinkSchemaMetadata.STATUS);
                if (status != null && !status.equals("OK")) {
                    throw new ShellException("Link '" + String.join(".", name) + "' is " + status
                            + Optional.ofNullable(schema.getCustomMetadata().get(LinkSchemaMetadata.TARGET)).map(t -> " (target " + t + ")").orElse("")
                            + ": it reads nothing until the links are bound again");
                }
                List<List<String>> columns = new ArrayList<>();
                for (Field field : schema.getFields()) {
                    columns.add(List.of(field.getName(), SqlTypeNames.of(field), field.isNullable() ? "yes" : "no"));
                }
                write(formatter, List.of("column", "type", "nullable"), columns);
            }
            default -> throw new ShellException("\\d takes at most domain.schema.table, got '" + argument.strip() + "'");
        }
    }

    /** The dot-separated parts of a name, double quotes keeping dots inside a part ({@code ""} is a quote). */
    static List<String> names(String text) {
        List<String> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new ShellException("Unclosed \" in '" + text + "'");
        }
        parts.add(part.toString());
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new ShellException("Empty name part in '" + text + "' (use \\d domain.schema.table)");
        }
        return parts;
    }

    /** Name and type of each table; with a link among them, also each link's target (when shown) and status. */
    private static void writeTables(ResultFormatter formatter, List<FlightSqlSession.ListedTable> tables) {
        boolean links = tables.stream().anyMatch(t -> t.schema().getCustomMetadata().containsKey(LinkSchemaMetadata.STATUS));
        List<List<String>> rows = new ArrayList<>();
        for (FlightSqlSession.ListedTable table : tables) {
            List<String> row = new ArrayList<>(List.of(table.name(), table.type()));
            if (links) {
                row.add(table.schema().getCustomMetadata().getOrDefault(LinkSchemaMetadata.TARGET, ""));
                row.add(table.schema().getCustomMetadata().getOrDefault(LinkSchemaMetadata.STATUS, ""));
            }
            rows.add(row);
        }
        write(formatter, links ? List.of("table", "type", "target", "status") : List.of("table", "type"), rows);
    }

    private static List<List<String>> rows(List<String> names) {
        return names.stream().map(List::of).collect(Collectors.toList());
    }

    private static void write(ResultFormatter formatter, List<String> headers, List<List<String>> rows) {
        List<Field> fields = headers.stream().map(header -> new Field(header, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null)).toList();
        Schema schema = new Schema(fields);
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            for (int row = 0; row < rows.size(); row++) {
                for (int column = 0; column < headers.size(); column++) {
                    ((VarCharVector) root.getVector(column)).setSafe(row, rows.get(row).get(column).getBytes(StandardCharsets.UTF_8));
                }
            }
            root.setRowCount(rows.size());
            formatter.start(schema);
            formatter.batch(root);
            formatter.finish();
        }
    }
}
