package io.meshgate.server.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts SQL text into statements at each {@code ;} that is outside a {@code 'string'}, a
 * {@code "quoted name"}, a {@code -- line comment} and a {@code /* block comment *}{@code /}. Text
 * is fed in pieces ({@link #append}); a statement is handed back once its {@code ;} arrives, with
 * the surrounding whitespace and the {@code ;} removed. Statements of only whitespace and comments
 * are dropped. Not thread-safe.
 */
final class StatementSplitter {
    private enum State { CODE, STRING, QUOTED_NAME, LINE_COMMENT, BLOCK_COMMENT }

    private final StringBuilder pending = new StringBuilder();
    private State state = State.CODE;
    private boolean hasCode;

    /** Every statement of {@code text}, the last one also without a closing {@code ;}. */
    static List<String> split(String text) {
        StatementSplitter splitter = new StatementSplitter();
        List<String> statements = new ArrayList<>(splitter.append(text));
        splitter.finish().ifPresent(statements::add);
        return statements;
    }

    /**
     * Whether {@code text} ends a statement, so that a line editor can accept it: it is blank, or
     * everything in it up to the last {@code ;} outside quotes and comments, with only whitespace or
     * comments after it (an unclosed block comment or string is never complete).
     */
    static boolean isComplete(String text) {
        StatementSplitter splitter = new StatementSplitter();
        splitter.append(text);
        return !splitter.hasCode && (splitter.state == State.CODE || splitter.state == State.LINE_COMMENT);
    }

    /** Adds text and returns the statements it completes, in order. */
    List<String> append(String text) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == ';') {
                        take().ifPresent(statements::add);
                        continue;
                    }
                    if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        pending.append(c).append(next);
                        i++;
                        continue;
                    } else if (c == '\'') {
                        state = State.STRING;
                        hasCode = true;
                    } else if (c == '"') {
                        state = State.QUOTED_NAME;
                        hasCode = true;
                    } else if (!Character.isWhitespace(c)) {
                        hasCode = true;
                    }
                }
                // A doubled quote inside a string or name is an escaped quote: leaving and entering
                // again on the second one gives the same state.
                case STRING -> state = c == '\'' ? State.CODE : State.STRING;
                case QUOTED_NAME -> state = c == '"' ? State.CODE : State.QUOTED_NAME;
                case LINE_COMMENT -> state = c == '\n' ? State.CODE : State.LINE_COMMENT;
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        pending.append(c).append(next);
                        i++;
                        continue;
                    }
                }
            }
            pending.append(c);
        }
        return statements;
    }

    /** The statement left without a closing {@code ;}, if it has any code; the splitter is then empty. */
    Optional<String> finish() {
        Optional<String> last = take();
        state = State.CODE;
        return last;
    }

    /** Whether text of a statement not yet closed has been fed (comments and whitespace alone are not). */
    boolean hasPendingStatement() {
        return hasCode;
    }

    private Optional<String> take() {
        String statement = pending.toString().strip();
        boolean code = hasCode;
        pending.setLength(0);
        hasCode = false;
        return code ? Optional.of(statement) : Optional.empty();
    }
}
