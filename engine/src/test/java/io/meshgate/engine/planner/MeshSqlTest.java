package io.meshgate.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

class MeshSqlTest {
    @Test
    void plainLowerCaseNamesAreWrittenAsTheyAre() {
        assertEquals("o_orderkey", MeshSql.identifier("o_orderkey"));
        assertEquals("value", MeshSql.identifier("value"), "not reserved in Meshgate's grammar");
    }

    @Test
    void reservedWordsAndOtherNamesAreQuoted() {
        assertEquals("\"order\"", MeshSql.identifier("order"));
        assertEquals("\"Mixed Case\"", MeshSql.identifier("Mixed Case"));
        assertEquals("\"say \"\"hi\"\"\"", MeshSql.identifier("say \"hi\""));
        assertEquals("\"1st\"", MeshSql.identifier("1st"));
    }

    @Test
    void everyWrittenNameParsesBackToItself() throws SqlParseException {
        for (String name : List.of("o_orderkey", "order", "select", "from", "Mixed Case", "say \"hi\"", "1st", "a.b", "user", "value")) {
            SqlSelect select = (SqlSelect) SqlParser.create("SELECT " + MeshSql.identifier(name) + " FROM t", MeshSql.PARSER).parseQuery();
            assertEquals(name, ((SqlIdentifier) select.getSelectList().get(0)).getSimple(), name);
        }
    }
}
