package io.meshgate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private final List<YamlProblem> problems = new ArrayList<>();

    private YamlNode read(String text) {
        return YamlReader.read(text, problems::add).orElseThrow();
    }

    @Test
    void nodesRememberTheLineOfTheirKey() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                # a comment
                server:
                  port: 1
                list:
                  - a
                  - {b: 2}
                """);
        assertEquals(List.of(), problems);
        assertEquals(2, root.entries().get("server").line());
        YamlNode.Mapping server = (YamlNode.Mapping) root.entries().get("server");
        assertEquals(new YamlNode.Scalar(3, "1", YamlNode.Scalar.Kind.INTEGER), server.entries().get("port"));
        YamlNode.Sequence list = (YamlNode.Sequence) root.entries().get("list");
        assertEquals(5, list.items().get(0).line());
        assertEquals(6, list.items().get(1).line());
    }

    @Test
    void scalarsTellBareValuesFromQuotedOnes() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nb: \"1\"\nc: true\nd: 1.5\ne:\nf: text\n");
        Map<String, YamlNode> entries = root.entries();
        assertEquals(YamlNode.Scalar.Kind.INTEGER, ((YamlNode.Scalar) entries.get("a")).kind());
        assertEquals(YamlNode.Scalar.Kind.STRING, ((YamlNode.Scalar) entries.get("b")).kind());
        assertEquals(YamlNode.Scalar.Kind.BOOLEAN, ((YamlNode.Scalar) entries.get("c")).kind());
        assertEquals(YamlNode.Scalar.Kind.DECIMAL, ((YamlNode.Scalar) entries.get("d")).kind());
        assertTrue(((YamlNode.Scalar) entries.get("e")).isNull());
        assertEquals(YamlNode.Scalar.Kind.STRING, ((YamlNode.Scalar) entries.get("f")).kind());
    }

    @Test
    void duplicateKeysAreReportedWithTheirPathAndTheFirstValueKept() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("grants:\n  - id: a\n    id: b\n");
        assertEquals(List.of(new YamlProblem(3, "grants[0].id", "duplicate key")), problems);
        YamlNode.Mapping grant = (YamlNode.Mapping) ((YamlNode.Sequence) root.entries().get("grants")).items().get(0);
        assertEquals("a", ((YamlNode.Scalar) grant.entries().get("id")).text());
    }

    @Test
    void invalidYamlIsOneProblemWithItsLine() {
        assertEquals(Optional.empty(), YamlReader.read("a:\n  b: 1\n bad: [\n", problems::add));
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertEquals("", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("not valid YAML"), problems.get(0).message());
    }

    @Test
    void emptyTextHasNoRoot() {
        assertEquals(Optional.empty(), YamlReader.read("# only a comment\n", problems::add));
        assertEquals(List.of(), problems);
    }

    @Test
    void aSecondDocumentIsAProblemRatherThanIgnored() {
        YamlReader.read("a: 1\n---\nb: 2\n", problems::add);
        assertEquals(List.of(new YamlProblem(3, "", "a second YAML document starts here (write one document per file: remove the ---)")), problems);
    }
}
