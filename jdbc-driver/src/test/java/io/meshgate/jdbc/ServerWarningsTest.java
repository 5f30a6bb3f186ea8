package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerWarningsTest {
    @Test
    void readsOneWarningPerPrefixedLineAndSkipsTheRest() {
        byte[] metadata = "warning: first\nsomething-else: x\nwarning: second: with a colon\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("first", "second: with a colon"), ServerWarnings.messages(metadata));
        assertEquals(List.of(), ServerWarnings.messages(null));
        assertEquals(List.of(), ServerWarnings.messages(new byte[0]));
        assertEquals(List.of(), ServerWarnings.of(null), "no result set, no warnings");
    }

    @Test
    void chainsFreshWarningsBeforeTheDriversOwn() {
        SQLWarning arrows = new SQLWarning("from Arrow's driver");
        SQLWarning chain = ServerWarnings.chain(List.of("first", "second"), arrows);
        assertEquals("first", chain.getMessage());
        assertEquals("01000", chain.getSQLState());
        assertEquals("second", chain.getNextWarning().getMessage());
        assertSame(arrows, chain.getNextWarning().getNextWarning());
        assertSame(arrows, ServerWarnings.chain(List.of(), arrows));
        assertNull(ServerWarnings.chain(List.of(), null));
        SQLWarning again = ServerWarnings.chain(List.of("first"), null);
        assertNull(again.getNextWarning(), "each call makes a new chain: an earlier one is never extended");
    }
}
