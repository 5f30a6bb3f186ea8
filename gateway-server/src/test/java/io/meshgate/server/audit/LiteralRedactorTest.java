package io.meshgate.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LiteralRedactorTest {
    private static void assertRedacted(String expected, String sql) {
        assertEquals(expected, LiteralRedactor.redact(sql), sql);
    }

    @Test
    void stringAndNumberLiteralsBecomePlaceholders() {
        assertRedacted("SELECT * FROM t WHERE a = ? AND b > ? OR c IN (?, ?)", "SELECT * FROM t WHERE a = 'x' AND b > 42 OR c IN (1.5, 3)");
        assertRedacted("SELECT ? - ?", "SELECT 1 - 2");
        assertRedacted("x = -?", "x = -7");
    }

    @Test
    void doubledQuotesStayInsideTheString() {
        assertRedacted("WHERE name = ? AND x = ?", "WHERE name = 'it''s ''quoted'' -- not a comment' AND x = 'a'");
        assertRedacted("?", "''''");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertRedacted("WHERE a = ? AND b = ?", "WHERE a = E'it\\'s' AND b = 'c:\\'");
        assertRedacted("x = ? || y", "x = e'\\\\' || y");
    }

    @Test
    void prefixedStringsAreLiteralsWithTheirPrefix() {
        assertRedacted("SELECT ?, ?, ?, ?", "SELECT N'abc', X'0F1e', B'0101', U&'d\\0061t'");
    }

    @Test
    void identifiersWithDigitsAreKept() {
        assertRedacted("SELECT t1.c2, q01_x, \"3rd\" FROM t1 JOIN s2$x ON t1.k = s2$x.k LIMIT ?",
                "SELECT t1.c2, q01_x, \"3rd\" FROM t1 JOIN s2$x ON t1.k = s2$x.k LIMIT 10");
        assertRedacted("l_extendedprice * (? - l_discount)", "l_extendedprice * (1 - l_discount)");
    }

    @Test
    void quotedIdentifiersAreKeptWhateverTheyHold() {
        assertRedacted("SELECT \"it's\", \"a \"\"b\"\" 1\", `x'2` FROM \"t 9\" WHERE \"c\" = ?",
                "SELECT \"it's\", \"a \"\"b\"\" 1\", `x'2` FROM \"t 9\" WHERE \"c\" = 'v'");
    }

    @Test
    void commentsAreDropped() {
        assertRedacted("SELECT ? \nFROM t", "SELECT 1 -- card 4111 1111 'x'\nFROM t");
        assertRedacted("  SELECT x FROM t WHERE y = ?", "/* card 4111 'x' */ SELECT x FROM t WHERE y = 2");
        assertRedacted("SELECT a-?", "SELECT a-1--2");
        assertRedacted("a / b", "a / b");
    }

    @Test
    void numbersOfEveryShapeAreOnePlaceholder() {
        assertRedacted("? ? ? ? ? ? ?", "1.5e-3 .5 0.06 1e10 10. 0x1F 42L");
    }

    @Test
    void dateTimeAndIntervalLiteralsTakeTheirKeyword() {
        assertRedacted("o_orderdate >= ? AND o_orderdate < ? + ? day (?)",
                "o_orderdate >= date '1994-01-01' AND o_orderdate < DATE   '1995-01-01' + interval '90' day (3)");
        assertRedacted("SELECT ?, ?", "SELECT TIMESTAMP '2024-01-01 10:00:00', TIME '10:00'");
        assertRedacted("SELECT date, interval FROM t", "SELECT date, interval FROM t");
    }

    @Test
    void unterminatedTextIsRedactedToTheEnd() {
        assertRedacted("WHERE a = ?", "WHERE a = 'secret AND b = 2");
        assertRedacted("WHERE a =  ", "WHERE a = /* 'secret'");
        assertRedacted("SELECT \"abc FROM t WHERE x = ?", "SELECT \"abc FROM t WHERE x = 'secret'");
    }

    @Test
    void tpchQueryKeepsItsShape() {
        assertRedacted("""
                SELECT l_returnflag, sum(l_extendedprice * (? - l_discount)) AS sum_disc_price
                FROM commerce.sales.lineitem
                WHERE l_shipdate <= ? - ? DAY (?)
                GROUP BY l_returnflag""", """
                SELECT l_returnflag, sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price
                FROM commerce.sales.lineitem
                WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY (3)
                GROUP BY l_returnflag""");
    }
}
