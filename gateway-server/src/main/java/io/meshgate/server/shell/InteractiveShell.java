package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell on a terminal: JLine line editing with history in a file, a statement
 * edited over several lines until its {@code ;} (and kept in the history as one entry), commands
 * on their own line, Ctrl-C cancelling the running statement (or dropping the one being typed) and
 * Ctrl-D leaving. Statements that fail are reported and the shell goes on.
 */
final class InteractiveShell {
    static final String PROMPT = "meshgate> ";
    static final String CONTINUATION_PROMPT = "       -> ";

    private final FlightSqlSession session;
    private final CommandRunner runner;
    private final Path history;

    InteractiveShell(FlightSqlSession session, CommandRunner runner, Path history) {
        this.session = requireNonNull(session, "session is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.history = requireNonNull(history, "history is null");
    }

    void run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("meshgate")
                    .parser(new StatementParser())
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            // Outside readLine the terminal is in normal mode, so Ctrl-C arrives as SIGINT: cancel, do not exit.
            terminal.handle(Terminal.Signal.INT, signal -> session.cancelRunning());
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (run(input) == CommandRunner.Outcome.QUIT) {
                    return;
                }
            }
        }
    }

    private CommandRunner.Outcome run(String input) {
        if (CommandRunner.isCommand(input)) {
            return runner.command(input);
        }
        for (String statement : StatementSplitter.split(input)) {
            runner.statement(statement);
        }
        return CommandRunner.Outcome.DONE;
    }

    /**
     * Accepts a line only when it is a command or ends its statement, so that Enter inside a
     * statement opens a continuation line. No escape characters: backslashes stay as typed.
     */
    private static final class StatementParser extends DefaultParser {
        StatementParser() {
            escapeChars(null);
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !CommandRunner.isCommand(line) && !StatementSplitter.isComplete(line)) {
                throw new EOFError(-1, -1, "statement not ended with ;");
            }
            return super.parse(line, cursor, context);
        }
    }
}
