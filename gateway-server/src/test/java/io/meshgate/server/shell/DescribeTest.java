package io.meshgate.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeTest {
    @Test
    void namesSplitAtDotsOutsideDoubleQuotes() {
        assertEquals(List.of(), Describe.names(""));
        assertEquals(List.of("commerce", "sales", "orders"), Describe.names("commerce.sales.orders"));
        assertEquals(List.of("my.domain", "a\"b"), Describe.names("\"my.domain\".\"a\"\"b\""));
    }

    @Test
    void malformedNamesAreRefused() {
        assertEquals("Unclosed \" in '\"open'", assertThrows(ShellException.class, () -> Describe.names("\"open")).getMessage());
        assertEquals("Empty name part in 'a..b' (use \\d domain.schema.table)",
                assertThrows(ShellException.class, () -> Describe.names("a..b")).getMessage());
    }

    @Test
    void exactPatternsEscapeTheLikeWildcards() {
        assertEquals("line\\_item\\%\\\\", FlightSqlSession.exactPattern("line_item%\\"));
    }
}
