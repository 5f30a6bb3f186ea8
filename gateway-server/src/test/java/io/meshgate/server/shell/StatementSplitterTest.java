package io.meshgate.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void splitsAtSemicolonsAndTrimsEachStatement() {
        assertEquals(List.of("SELECT 1", "SELECT 2\nFROM t"), StatementSplitter.split("  SELECT 1;\nSELECT 2\nFROM t ;  "));
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), StatementSplitter.split("SELECT 1; SELECT 2"));
    }

    @Test
    void semicolonsInStringsQuotedNamesAndCommentsDoNotSplit() {
        String sql = "SELECT 'a;b', 'it''s;', \"odd;name\" -- not; here\nFROM t /* nor; here */ WHERE x = ';'";
        assertEquals(List.of(sql), StatementSplitter.split(sql + ";"));
    }

    @Test
    void statementsOfOnlyCommentsAndEmptyStatementsAreDropped() {
        assertEquals(List.of("SELECT 1"), StatementSplitter.split(";; -- just a comment\n/* and; another */ ;SELECT 1;"));
    }

    @Test
    void statementsArriveWhenTheirSemicolonDoes() {
        StatementSplitter splitter = new StatementSplitter();
        assertEquals(List.of(), splitter.append("SELECT 'x\n"));
        assertTrue(splitter.hasPendingStatement());
        assertEquals(List.of(), splitter.append(";y'\n"));
        assertEquals(List.of("SELECT 'x\n;y'"), splitter.append("; SELECT 2"));
        assertEquals(Optional.of("SELECT 2"), splitter.finish());
        assertFalse(splitter.hasPendingStatement());
        assertEquals(Optional.empty(), splitter.finish());
    }

    @Test
    void aLineCommentEndsAtTheLineBreak() {
        StatementSplitter splitter = new StatementSplitter();
        assertEquals(List.of(), splitter.append("SELECT 1 -- one;\n"));
        assertEquals(List.of("SELECT 1 -- one;"), splitter.append(";\n"), "the ; in the comment stays in the comment");
    }

    @Test
    void completeOnlyWhenTheLastStatementIsClosed() {
        assertTrue(StatementSplitter.isComplete("SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("SELECT 1; -- done"));
        assertTrue(StatementSplitter.isComplete("   "));
        assertFalse(StatementSplitter.isComplete("SELECT 1"));
        assertFalse(StatementSplitter.isComplete("SELECT ';"));
        assertFalse(StatementSplitter.isComplete("SELECT 1 /* ; */"));
        assertFalse(StatementSplitter.isComplete("SELECT 1; /* open"));
        assertFalse(StatementSplitter.isComplete("SELECT 1; SELECT 2"));
    }
}
