package io.meshgate.server.shell;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code meshgate sql}: an SQL shell over Arrow Flight SQL. With {@code -e} or {@code -f} it runs
 * those scripts and exits; otherwise it reads standard input, with a line editor when that is a
 * terminal. See {@link ShellArguments#USAGE} for the options and exit codes.
 */
public final class SqlShell {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    static final String PASSWORD_VARIABLE = "MESHGATE_PASSWORD";
    static final String USER_VARIABLE = "MESHGATE_USER";
    static final String HISTORY_VARIABLE = "MESHGATE_HISTORY";

    private SqlShell() {
    }

    /**
     * Runs the shell with the process's terminal, if it has one, for the interactive mode and the
     * password prompt.
     */
    public static int run(List<String> args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        return run(args, environment, in, out, err, terminal());
    }

    /** Runs the shell; {@code console} is the terminal to prompt on and to run interactively on, if any. */
    static int run(List<String> args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err,
            Optional<Console> console) {
        ShellArguments arguments;
        try {
            arguments = ShellArguments.parse(args);
        } catch (ShellArguments.UsageException e) {
            err.println("meshgate sql: " + e.getMessage());
            err.println();
            err.print(ShellArguments.USAGE);
            return EXIT_USAGE;
        }
        if (arguments.help()) {
            out.print(ShellArguments.USAGE);
            return EXIT_OK;
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String user = arguments.user().or(() -> Optional.ofNullable(environment.get(USER_VARIABLE)))
                .orElseGet(() -> System.getProperty("user.name"));
        Optional<String> password;
        try {
            password = password(arguments, environment, input, console, user);
        } catch (IOException e) {
            err.println("meshgate sql: cannot read the password from standard input: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (password.isEmpty()) {
            err.println("meshgate sql: no password for " + user + " (use --password-stdin, or set " + PASSWORD_VARIABLE
                    + " when standard input is not a terminal)");
            return EXIT_USAGE;
        }
        try (FlightSqlSession session = FlightSqlSession.connect(arguments.server(), arguments.tls(), arguments.tlsTrust(), user,
                password.get())) {
            CommandRunner runner = new CommandRunner(session, arguments.format(), out, err);
            if (!arguments.scripts().isEmpty()) {
                return scripts(arguments.scripts(), runner);
            }
            if (console.isPresent()) {
                out.println("Connected to " + arguments.server() + " as " + user + ". Type \\? for help, \\q to quit.");
                new InteractiveShell(session, runner, history(environment)).run();
                return EXIT_OK;
            }
            return exitCode(new ScriptRunner(runner).run(input));
        } catch (ShellException e) {
            err.println("ERROR: " + e.getMessage());
            return EXIT_FAILED;
        } catch (IOException e) {
            err.println("ERROR: Cannot read the statements: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static int scripts(List<ShellArguments.Script> scripts, CommandRunner runner) throws IOException {
        ScriptRunner scriptRunner = new ScriptRunner(runner);
        for (ShellArguments.Script script : scripts) {
            CommandRunner.Outcome outcome;
            if (script instanceof ShellArguments.Script.Inline inline) {
                outcome = scriptRunner.run(new BufferedReader(new StringReader(inline.text())));
            } else {
                Path file = ((ShellArguments.Script.File) script).path();
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    outcome = scriptRunner.run(reader);
                } catch (IOException e) {
                    throw new ShellException("Cannot read " + file + ": " + e.getMessage());
                }
            }
            if (outcome != CommandRunner.Outcome.DONE) {
                return exitCode(outcome);
            }
        }
        return EXIT_OK;
    }

    private static int exitCode(CommandRunner.Outcome outcome) {
        return outcome == CommandRunner.Outcome.FAILED ? EXIT_FAILED : EXIT_OK;
    }

    /** From the first line of standard input, the environment, or a prompt without echo, in that order. */
    private static Optional<String> password(ShellArguments arguments, Map<String, String> environment, BufferedReader input,
            Optional<Console> console, String user) throws IOException {
        if (arguments.passwordFromStdin()) {
            return Optional.ofNullable(input.readLine());
        }
        String variable = environment.get(PASSWORD_VARIABLE);
        if (variable != null) {
            return Optional.of(variable);
        }
        return console.map(terminal -> terminal.readPassword("Password for %s: ", user)).map(String::new);
    }

    private static Path history(Map<String, String> environment) {
        String file = environment.get(HISTORY_VARIABLE);
        return file != null && !file.isBlank() ? Path.of(file) : Path.of(System.getProperty("user.home"), ".meshgate_history");
    }

    /** The console when standard input and output are a terminal (on JDK 22+, {@code System.console()} alone does not say so). */
    private static Optional<Console> terminal() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? Optional.of(console) : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of(console);
        }
    }
}
