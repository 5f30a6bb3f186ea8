package io.meshgate.server.launcher;

import io.meshgate.engine.contract.ProductName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Parses the {@code meshgate} command line. */
final class LaunchArguments {
    static final String USAGE = """
            Usage:
              meshgate demo [--scale SF] [--port P] [--data DIR]
                  Generate the demo mesh (TPC-H split into the domains commerce, customer and supply)
                  on first run, then serve it. Defaults: --scale 0.1, --port 31337, --data ./meshgate-data
              meshgate serve --config FILE [--port P]
                  Serve the domains of a meshgate.yaml; --port overrides server.port.
              meshgate policy check DIR
                  Load and lint the policy files (*.yaml, *.yml) of DIR. Prints each problem as
                  file:line: ERROR|WARNING [rule] message, then OK revision <id> when the set is valid.
                  Exits 1 when there are errors; warnings alone do not fail the check.
              meshgate contract check [--config FILE] [PRODUCT ...]
                  Check the data contracts declared in the product files (products: in the configuration,
                  default ./meshgate.yaml) against each table's current snapshot: every product with a
                  contract, or the products named (domain.schema.table). Prints PASS, FAIL or ERROR for
                  each rule, stores the results with the snapshot id (contracts.results), and exits 1
                  when a rule does not hold or cannot be checked, 2 when the configuration is wrong.
              meshgate sql [--server HOST:PORT] [--user U] [--format aligned|csv|...] [-e SQL] [-f FILE] ...
                  Interactive SQL shell over Flight SQL, or run statements and exit; meshgate sql --help
                  lists its options.
              meshgate --help
                  Show this message.

            Environment variables override configuration keys: MESHGATE_SERVER_PORT for server.port,
            MESHGATE_DOMAINS_0_CATALOG_PASSWORD for domains[0].catalog.password, and so on.
            """;

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private LaunchArguments() {
    }

    static LaunchCommand parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty()) {
            throw new UsageException("Missing command (use demo, serve, policy, contract, sql or --help)");
        }
        String command = rest.remove(0);
        return switch (command) {
            case "--help", "-h", "help" -> {
                if (!rest.isEmpty()) {
                    throw new UsageException("Unexpected argument '" + rest.get(0) + "' after " + command);
                }
                yield new LaunchCommand.Help();
            }
            case "demo" -> {
                Options options = Options.parse(rest, List.of("--scale", "--port", "--data"));
                double scale = options.value("--scale").map(LaunchArguments::scale).orElse(LaunchCommand.DEFAULT_SCALE);
                yield new LaunchCommand.Demo(scale, options.value("--port").map(LaunchArguments::port).map(OptionalInt::of)
                        .orElse(OptionalInt.empty()), options.value("--data").map(Path::of).orElse(LaunchCommand.DEFAULT_DATA));
            }
            case "serve" -> {
                Options options = Options.parse(rest, List.of("--config", "--port"));
                Path config = options.value("--config").map(Path::of)
                        .orElseThrow(() -> new UsageException("serve needs --config FILE"));
                yield new LaunchCommand.Serve(config, options.value("--port").map(LaunchArguments::port).map(OptionalInt::of)
                        .orElse(OptionalInt.empty()));
            }
            case "policy" -> policy(rest);
            case "contract" -> contract(rest);
            case "sql" -> new LaunchCommand.Sql(rest);
            default -> throw new UsageException("Unknown command '" + command + "' (use demo, serve, policy, contract, sql or --help)");
        };
    }

    private static LaunchCommand policy(List<String> rest) {
        if (rest.isEmpty()) {
            throw new UsageException("policy needs a subcommand (use policy check DIR)");
        }
        String subcommand = rest.remove(0);
        if (!subcommand.equals("check")) {
            throw new UsageException("Unknown policy subcommand '" + subcommand + "' (use policy check DIR)");
        }
        if (rest.isEmpty()) {
            throw new UsageException("policy check needs DIR, the folder of policy files");
        }
        if (rest.size() > 1) {
            throw new UsageException("Unexpected argument '" + rest.get(1) + "' after policy check " + rest.get(0));
        }
        return new LaunchCommand.PolicyCheck(Path.of(rest.get(0)));
    }

    /** {@code contract check [--config FILE] [PRODUCT ...]}, the option anywhere among the products. */
    private static LaunchCommand contract(List<String> rest) {
        if (rest.isEmpty() || !rest.get(0).equals("check")) {
            throw new UsageException(rest.isEmpty() ? "contract needs a subcommand (use contract check)"
                    : "Unknown contract subcommand '" + rest.get(0) + "' (use contract check)");
        }
        Optional<Path> config = Optional.empty();
        List<ProductName> products = new ArrayList<>();
        for (int i = 1; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.startsWith("-")) {
                String value;
                if (arg.startsWith("--config=")) {
                    value = arg.substring("--config=".length());
                } else if (arg.equals("--config") && i + 1 < rest.size()) {
                    value = rest.get(++i);
                } else {
                    throw new UsageException(arg.equals("--config") ? "--config needs a value" : "Unknown option '" + arg + "' (options here: --config)");
                }
                if (config.isPresent()) {
                    throw new UsageException("--config given twice");
                }
                config = Optional.of(Path.of(value));
                continue;
            }
            ProductName product = ProductName.parse(arg)
                    .orElseThrow(() -> new UsageException("'" + arg + "' is not a product's full name (write domain.schema.table)"));
            if (products.contains(product)) {
                throw new UsageException("Product " + product + " named twice");
            }
            products.add(product);
        }
        return new LaunchCommand.ContractCheck(config.orElse(LaunchCommand.DEFAULT_CONFIG), products);
    }

    private static double scale(String text) {
        try {
            double scale = Double.parseDouble(text);
            if (scale > 0 && scale <= 1000) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--scale must be a number above 0 and at most 1000, got '" + text + "'");
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, got '" + text + "'");
    }

    /** {@code --name value} pairs, each name at most once and from a known list. */
    private record Options(Map<String, String> values) {
        static Options parse(List<String> args, List<String> known) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                String value = null;
                int equals = name.indexOf('=');
                if (name.startsWith("--") && equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (!known.contains(name)) {
                    throw new UsageException("Unknown option '" + name + "' (options here: " + String.join(", ", known) + ")");
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            }
            return new Options(values);
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name));
        }
    }
}
