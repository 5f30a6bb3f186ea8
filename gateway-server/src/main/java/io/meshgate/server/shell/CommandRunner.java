package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs what the user typed: SQL statements on the session, and the backslash commands
 * ({@code \d}, {@code \timing}, {@code \x}, {@code \?}, {@code \q}). Results go to {@code out},
 * errors to {@code err} as {@code ERROR: message}, the server's warnings on a statement (a
 * deprecated data product it reads) to {@code err} as {@code WARNING: message}, before its result; timing ({@code Time: 12.345 ms}) to {@code out}
 * in the formats for people and to {@code err} in the formats for programs.
 */
final class CommandRunner {
    /** What came of one statement or command. */
    enum Outcome { DONE, FAILED, QUIT }

    static final String HELP = """
            Statements end with ; and may span lines. Commands:
              \\d                        list the domains
              \\d DOMAIN                 list the schemas of a domain
              \\d DOMAIN.SCHEMA          list the tables of a schema
              \\d DOMAIN.SCHEMA.TABLE    list the columns of a table (name, type, nullable)
              \\timing [on|off]          show how long each statement takes
              \\x [on|off]               expanded display: one line per column
              \\?                        this help
              \\q, quit, exit, Ctrl-D    leave
            Ctrl-C cancels the running statement, or the statement being typed.
            """;

    private final FlightSqlSession session;
    private final OutputFormat format;
    private final PrintStream out;
    private final PrintStream err;
    private boolean timing;
    private boolean expanded;

    CommandRunner(FlightSqlSession session, OutputFormat format, PrintStream out, PrintStream err) {
        this.session = requireNonNull(session, "session is null");
        this.format = requireNonNull(format, "format is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /** Whether {@code line} is a command rather than SQL: it starts with a backslash, or is {@code quit} or {@code exit}. */
    static boolean isCommand(String line) {
        String text = line.strip();
        return text.startsWith("\\") || isQuit(text);
    }

    Outcome statement(String sql) {
        return timed(formatter -> session.execute(sql, formatter, this::warn));
    }

    Outcome command(String line) {
        try {
            return run(line.strip());
        } catch (ShellException e) {
            return fail(e.getMessage());
        }
    }

    private Outcome run(String text) {
        if (isQuit(text)) {
            return Outcome.QUIT;
        }
        int space = text.indexOf(' ');
        String name = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        switch (name) {
            case "\\q" -> {
                return Outcome.QUIT;
            }
            case "\\?", "\\h", "\\help" -> out.print(HELP);
            case "\\d" -> {
                return timed(formatter -> new Describe(session).run(argument, formatter));
            }
            case "\\timing" -> {
                timing = toggle(name, argument, timing);
                out.println("Timing is " + (timing ? "on." : "off."));
            }
            case "\\x" -> {
                expanded = toggle(name, argument, expanded);
                out.println("Expanded display is " + (expanded ? "on." : "off."));
            }
            default -> {
                return fail("Unknown command " + name + " (\\? lists the commands)");
            }
        }
        out.flush();
        return Outcome.DONE;
    }

    private Outcome timed(Consumer<ResultFormatter> action) {
        OutputFormat current = expanded && format == OutputFormat.ALIGNED ? OutputFormat.EXPANDED : format;
        long start = System.nanoTime();
        try {
            action.accept(current.formatter(out));
        } catch (ShellException e) {
            out.flush();
            return fail(e.getMessage());
        }
        if (timing) {
            (current.isForPeople() ? out : err).printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
        }
        return Outcome.DONE;
    }

    private void warn(String message) {
        err.println("WARNING: " + message);
        err.flush();
    }

    private Outcome fail(String message) {
        err.println("ERROR: " + message);
        err.flush();
        return Outcome.FAILED;
    }

    private static boolean toggle(String name, String argument, boolean current) {
        return switch (argument.toLowerCase(Locale.ROOT)) {
            case "" -> !current;
            case "on" -> true;
            case "off" -> false;
            default -> throw new ShellException(name + " takes on or off, got '" + argument + "'");
        };
    }

    private static boolean isQuit(String text) {
        String word = text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
        return word.equalsIgnoreCase("quit") || word.equalsIgnoreCase("exit");
    }
}
