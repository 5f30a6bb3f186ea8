package io.meshgate.server.launcher;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.config.ConfigError;
import io.meshgate.server.config.ConfigException;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.shell.SqlShell;
import io.meshgate.server.error.FlightErrorMapper;
import io.meshgate.server.portal.PortalServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code meshgate} command: {@code demo}, {@code serve}, {@code policy check}, {@code contract check},
 * {@code sql} and {@code --help}. Exit codes: 0 after a clean stop or a passed check, 1 when the
 * configuration is wrong, the server cannot start, the policy check finds errors or a contract rule
 * does not hold, 2 for a bad command line (and, for {@code contract check}, a wrong configuration or
 * product file); {@code sql} has its own ({@link SqlShell}). Ctrl-C (SIGINT) and SIGTERM stop the
 * server cleanly.
 */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_CHECK_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /** Runs the command; when it serves, returns only after the server has stopped. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        LaunchCommand command;
        try {
            command = LaunchArguments.parse(args);
        } catch (LaunchArguments.UsageException e) {
            err.println("meshgate: " + e.getMessage());
            err.println();
            err.print(LaunchArguments.USAGE);
            return EXIT_USAGE;
        }
        if (command instanceof LaunchCommand.Sql sql) {
            return SqlShell.run(sql.arguments(), environment, System.in, out, err);
        }
        try {
            if (command instanceof LaunchCommand.Demo demo) {
                out.println("Preparing the demo mesh (scale " + demo.scale() + ") in " + demo.data().toAbsolutePath() + " ...");
                Path config = DemoMesh.ensure(demo.data(), demo.scale(), out);
                MeshgateConfig loaded = withPort(ConfigLoader.load(config, environment), demo.port());
                out.println("Checking the demo's data contracts, as ./meshgate contract check --config " + config + " does:");
                new ContractCheck(Clock.systemUTC()).run(loaded, List.of(), out, err);
                return serve(loaded, true, out, err);
            }
            if (command instanceof LaunchCommand.Serve serve) {
                return serve(withPort(ConfigLoader.load(serve.config(), environment), serve.port()), false, out, err);
            }
            if (command instanceof LaunchCommand.PolicyCheck check) {
                return new PolicyCheck(new PolicySqlChecker()).run(check.directory(), out) ? EXIT_OK : EXIT_CHECK_FAILED;
            }
            if (command instanceof LaunchCommand.ContractCheck check) {
                return contractCheck(check, environment, out, err);
            }
            out.print(LaunchArguments.USAGE);
            return EXIT_OK;
        } catch (ConfigException e) {
            printConfigErrors(e, err);
            return EXIT_CANNOT_START;
        } catch (MeshgateException e) {
            err.println("meshgate: cannot start: " + FlightErrorMapper.describe(e));
            return EXIT_CANNOT_START;
        }
    }

    /** A wrong configuration is a usage error here: nothing was checked. */
    private static int contractCheck(LaunchCommand.ContractCheck check, Map<String, String> environment, PrintStream out, PrintStream err) {
        MeshgateConfig config;
        try {
            config = ConfigLoader.load(check.config(), environment);
        } catch (ConfigException e) {
            printConfigErrors(e, err);
            return EXIT_USAGE;
        }
        try {
            return new ContractCheck(Clock.systemUTC()).run(config, check.products(), out, err);
        } catch (MeshgateException e) {
            err.println("meshgate: cannot check contracts: " + FlightErrorMapper.describe(e));
            return EXIT_CHECK_FAILED;
        }
    }

    private static void printConfigErrors(ConfigException e, PrintStream err) {
        err.println("meshgate: the configuration has " + e.errors().size() + " error(s):");
        for (ConfigError error : e.errors()) {
            err.println("  " + error);
        }
    }

    private static MeshgateConfig withPort(MeshgateConfig config, OptionalInt port) {
        return port.isPresent() ? config.withServer(config.server().withPort(port.getAsInt())) : config;
    }

    private static int serve(MeshgateConfig config, boolean demo, PrintStream out, PrintStream err) {
        MeshgateServer server;
        try {
            server = MeshgateServer.start(config);
        } catch (PortalServer.PortalBindException e) {
            err.println("meshgate: " + e.getMessage());
            return EXIT_CANNOT_START;
        } catch (IOException e) {
            err.println("meshgate: cannot listen on " + config.server().host() + ":" + config.server().port() + ": " + e.getMessage()
                    + " (is another server running there? use --port)");
            return EXIT_CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "meshgate-shutdown"));
        printBanner(server.config(), server.port(), server.portalUrl(), demo, out);
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return EXIT_OK;
    }

    /**
     * How to connect to the server {@code config} describes, listening on {@code port}: JDBC,
     * Python and the shell; and where the portal is, when it runs.
     */
    static void printBanner(MeshgateConfig config, int port, Optional<String> portalUrl, boolean demo, PrintStream out) {
        String host = config.server().host();
        String credentials = demo ? "users admin, ana, sam and fred; each password is the user name" : "a user from the configuration";
        String user = demo ? "admin" : "USER";
        String password = demo ? "admin" : "PASSWORD";
        boolean tls = config.server().tls().isPresent();
        out.println();
        out.println("Meshgate is listening on " + host + ":" + port + " (Arrow Flight SQL, " + (tls ? "TLS" : "no TLS") + "), serving domains "
                + String.join(", ", config.domains().stream().map(d -> d.name()).toList()));
        out.println("  JDBC:   jdbc:meshgate://" + host + ":" + port + (tls ? "?tls=true" : "") + "   (" + credentials + ")");
        out.println("  Python: import adbc_driver_flightsql.dbapi as flightsql; conn = flightsql.connect(\"" + (tls ? "grpc+tls" : "grpc")
                + "://" + host + ":" + port + "\", db_kwargs={\"username\": \"" + user + "\", \"password\": \"" + password
                + "\"}, autocommit=True)");
        out.println("  Shell:  ./meshgate sql --server " + host + ":" + port + (tls ? " --tls" : "") + " --user " + user);
        portalUrl.ifPresent(url -> out.println("  Portal: " + url + "   (the data products you may see; log in as on Flight)"));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
