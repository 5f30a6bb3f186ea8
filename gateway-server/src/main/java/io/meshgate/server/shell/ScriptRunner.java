package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Runs a script line by line, as read from {@code -e}, {@code -f} or piped standard input: a line
 * that starts with a backslash (or is {@code quit}/{@code exit}) between statements is a command,
 * everything else is SQL cut into statements at {@code ;}; a last statement without {@code ;} runs
 * at the end. Stops at the first statement or command that fails.
 */
final class ScriptRunner {
    private final CommandRunner runner;

    ScriptRunner(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    /** Runs the script; {@code FAILED} when something failed, {@code QUIT} at {@code \q}, else {@code DONE}. */
    CommandRunner.Outcome run(BufferedReader script) throws IOException {
        StatementSplitter splitter = new StatementSplitter();
        for (String line = script.readLine(); line != null; line = script.readLine()) {
            if (!splitter.hasPendingStatement() && CommandRunner.isCommand(line)) {
                CommandRunner.Outcome outcome = runner.command(line);
                if (outcome != CommandRunner.Outcome.DONE) {
                    return outcome;
                }
                continue;
            }
            for (String statement : splitter.append(line + "\n")) {
                if (runner.statement(statement) == CommandRunner.Outcome.FAILED) {
                    return CommandRunner.Outcome.FAILED;
                }
            }
        }
        return splitter.finish().map(runner::statement).orElse(CommandRunner.Outcome.DONE);
    }
}
