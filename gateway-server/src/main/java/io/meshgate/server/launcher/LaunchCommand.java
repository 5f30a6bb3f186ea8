package io.meshgate.server.launcher;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.contract.ProductName;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** What the {@code meshgate} command line asks for. */
sealed interface LaunchCommand {
    double DEFAULT_SCALE = 0.1;
    Path DEFAULT_DATA = Path.of("meshgate-data");
    Path DEFAULT_CONFIG = Path.of("meshgate.yaml");

    /** Generate the demo mesh if needed, then serve it. */
    record Demo(double scale, OptionalInt port, Path data) implements LaunchCommand {
        public Demo {
            requireNonNull(port, "port is null");
            requireNonNull(data, "data is null");
        }
    }

    /** Serve the mesh of a configuration file. */
    record Serve(Path config, OptionalInt port) implements LaunchCommand {
        public Serve {
            requireNonNull(config, "config is null");
            requireNonNull(port, "port is null");
        }
    }

    /** Load and lint the policy files of a directory, without serving. */
    record PolicyCheck(Path directory) implements LaunchCommand {
        public PolicyCheck {
            requireNonNull(directory, "directory is null");
        }
    }

    /** Check the data contracts of the products named, or of every product with one when none is. */
    record ContractCheck(Path config, List<ProductName> products) implements LaunchCommand {
        public ContractCheck {
            requireNonNull(config, "config is null");
            products = List.copyOf(requireNonNull(products, "products is null"));
        }
    }

    /** The SQL shell, with its own arguments, which it parses itself. */
    record Sql(List<String> arguments) implements LaunchCommand {
        public Sql {
            arguments = List.copyOf(arguments);
        }
    }

    record Help() implements LaunchCommand {
    }
}
