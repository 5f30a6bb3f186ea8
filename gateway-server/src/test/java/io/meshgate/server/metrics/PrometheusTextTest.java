package io.meshgate.server.metrics;

import static io.meshgate.server.metrics.PrometheusText.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void familiesHaveHelpAndTypeLinesThenTheirSamples() {
        String text = new PrometheusText()
                .family("meshgate_things_total", PrometheusText.Type.COUNTER, "Things.")
                .sample(labels("domain", "commerce", "table", "orders"), 3)
                .sample(Map.of(), 0.5)
                .family("meshgate_age_minutes", PrometheusText.Type.GAUGE, "Age.")
                .toString();
        assertEquals("""
                # HELP meshgate_things_total Things.
                # TYPE meshgate_things_total counter
                meshgate_things_total{domain="commerce",table="orders"} 3
                meshgate_things_total 0.5
                # HELP meshgate_age_minutes Age.
                # TYPE meshgate_age_minutes gauge
                """, text);
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        String text = new PrometheusText()
                .family("m", PrometheusText.Type.GAUGE, "back\\slash and\nnew line")
                .sample(labels("table", "a\"b\\c\nd}"), 1)
                .toString();
        assertEquals("# HELP m back\\\\slash and\\nnew line\n# TYPE m gauge\nm{table=\"a\\\"b\\\\c\\nd}\"} 1\n", text);
    }

    @Test
    void invalidNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("bad name", PrometheusText.Type.GAUGE, "h"));
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("m", PrometheusText.Type.GAUGE, "h")
                .sample(labels("bad-label", "x"), 1));
        assertThrows(IllegalStateException.class, () -> new PrometheusText().sample(Map.of(), 1));
    }
}
