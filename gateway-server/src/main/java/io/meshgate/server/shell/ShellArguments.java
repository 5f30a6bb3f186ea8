package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code meshgate sql}.
 *
 * @param server            where the Flight SQL server listens
 * @param user              the user to log in as; absent means {@code MESHGATE_USER} or the OS user
 * @param passwordFromStdin read the password from the first line of standard input
 * @param tls               connect with TLS (also implied by {@code tlsTrust})
 * @param tlsTrust          PEM file of the certificates to trust instead of the JDK's
 * @param format            how results are written
 * @param scripts           the {@code -e} and {@code -f} scripts, in command-line order; none means
 *                          standard input, interactive when it is a terminal
 * @param help              print the usage and stop
 */
record ShellArguments(ServerAddress server, Optional<String> user, boolean passwordFromStdin, boolean tls, Optional<Path> tlsTrust,
        OutputFormat format, List<Script> scripts, boolean help) {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 31337;
    static final String USAGE = """
            Usage: meshgate sql [OPTIONS]
              Interactive SQL over Arrow Flight SQL, or run scripts with -e and -f.

              --server HOST[:PORT]  the Meshgate server (default 127.0.0.1:31337)
              --user USER           user to log in as (default: $MESHGATE_USER, else the OS user)
              --password-stdin      read the password from the first line of standard input;
                                    otherwise $MESHGATE_PASSWORD, otherwise a prompt (no echo)
              --tls                 connect with TLS, trusting the JDK's certificate authorities
              --tls-trust PEM       connect with TLS, trusting the certificates in this PEM file
              --format FORMAT       aligned (default), expanded, csv, tsv or json (one object per line)
              -e, --execute SQL     run these statements (separated by ;) and exit
              -f, --file FILE       run the statements and \\ commands of FILE and exit
              -h, --help            show this message

              -e and -f may be repeated and run in order; without them statements are read from
              standard input (`echo "SELECT 1;" | meshgate sql`). Scripts stop at the first error.
              Exit codes: 0 all statements ran, 1 a statement failed or the server could not be
              reached or refused the login, 2 a bad command line.

            In the shell: end statements with ; (they may span lines), \\? lists the commands
            (\\d to list domains, schemas, tables and columns, \\timing, \\x, \\q). Ctrl-C cancels the
            running query or the line being typed; Ctrl-D or \\q quits. History is kept in
            ~/.meshgate_history (or $MESHGATE_HISTORY).
            """;

    ShellArguments {
        requireNonNull(server, "server is null");
        requireNonNull(user, "user is null");
        requireNonNull(tlsTrust, "tlsTrust is null");
        requireNonNull(format, "format is null");
        scripts = List.copyOf(scripts);
    }

    /** Where the server listens. */
    record ServerAddress(String host, int port) {
        ServerAddress {
            requireNonNull(host, "host is null");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
            }
        }

        /** {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT}; the port defaults to {@value #DEFAULT_PORT}. */
        static ServerAddress parse(String text) {
            String host = text;
            String port = null;
            int colon = text.lastIndexOf(':');
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0 || close + 1 < text.length() && text.charAt(close + 1) != ':') {
                    throw new UsageException("--server must be HOST or HOST:PORT, got '" + text + "'");
                }
                host = text.substring(1, close);
                port = close + 1 < text.length() ? text.substring(close + 2) : null;
            } else if (colon >= 0 && text.indexOf(':') == colon) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            }
            if (host.isBlank()) {
                throw new UsageException("--server must be HOST or HOST:PORT, got '" + text + "'");
            }
            return new ServerAddress(host, port == null ? DEFAULT_PORT : port(port));
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--server port must be a number from 1 to 65535, got '" + text + "'");
        }
    }

    /** A script given on the command line. */
    sealed interface Script {
        /** Statements given with {@code -e}. */
        record Inline(String text) implements Script {
            public Inline {
                requireNonNull(text, "text is null");
            }
        }

        /** A file given with {@code -f}. */
        record File(Path path) implements Script {
            public File {
                requireNonNull(path, "path is null");
            }
        }
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static ShellArguments parse(List<String> args) {
        ServerAddress server = null;
        String user = null;
        String format = null;
        Path trust = null;
        boolean passwordFromStdin = false;
        boolean tls = false;
        boolean help = false;
        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            switch (name) {
                case "--password-stdin", "--tls", "--help", "-h" -> {
                    if (value != null) {
                        throw new UsageException(name + " takes no value");
                    }
                    switch (name) {
                        case "--password-stdin" -> passwordFromStdin = true;
                        case "--tls" -> tls = true;
                        default -> help = true;
                    }
                }
                case "--server", "--user", "--format", "--tls-trust", "-e", "--execute", "-f", "--file" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--server" -> server = once(name, server, ServerAddress.parse(value));
                        case "--user" -> user = once(name, user, nonBlank(name, value));
                        case "--format" -> format = once(name, format, value);
                        case "--tls-trust" -> trust = once(name, trust, Path.of(value));
                        case "-e", "--execute" -> scripts.add(new Script.Inline(value));
                        default -> scripts.add(new Script.File(Path.of(value)));
                    }
                }
                default -> throw new UsageException(name.startsWith("-")
                        ? "Unknown option '" + name + "' (see meshgate sql --help)"
                        : "Unexpected argument '" + name + "' (statements go after -e, files after -f)");
            }
        }
        OutputFormat output = format == null ? OutputFormat.ALIGNED : format(format);
        return new ShellArguments(server == null ? new ServerAddress(DEFAULT_HOST, DEFAULT_PORT) : server, Optional.ofNullable(user),
                passwordFromStdin, tls || trust != null, Optional.ofNullable(trust), output, scripts, help);
    }

    private static OutputFormat format(String name) {
        return OutputFormat.named(name)
                .orElseThrow(() -> new UsageException("Unknown --format '" + name + "' (use aligned, expanded, csv, tsv or json)"));
    }

    private static <T> T once(String name, T previous, T value) {
        if (previous != null) {
            throw new UsageException(name + " given twice");
        }
        return value;
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new UsageException(name + " must not be blank");
        }
        return value;
    }
}
