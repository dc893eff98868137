package course.display;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {
    @Test
    void htmlEscapesMarkup() {
        String html = Table.of("a<b", "x & y").row("<script>", "1 > 0").toHtml();
        assertTrue(html.contains("<th>a&lt;b</th>"), html);
        assertTrue(html.contains("<th>x &amp; y</th>"), html);
        assertTrue(html.contains("<td>&lt;script&gt;</td>"), html);
        assertTrue(html.contains("<td>1 &gt; 0</td>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void numbersAreRightAlignedInHtml() {
        String html = Table.of("optimizer", "loss", "steps").row("sgd", 0.123456789, 100).toHtml();
        assertTrue(html.contains("<td>sgd</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">0.123457</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">100</td>"), html);
        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.endsWith("</table>"), html);
    }

    @Test
    void numberFormatting() {
        // Six significant digits without trailing zeros; scientific notation for very small or large numbers.
        assertEquals("2.0", Table.format(2.0));
        assertEquals("0.0", Table.format(0.0));
        assertEquals("1.5", Table.format(1.5));
        assertEquals("-2.4", Table.format(-2.4));
        assertEquals("0.333333", Table.format(1.0 / 3));
        assertEquals("0.123457", Table.format(0.123456789));
        assertEquals("0.25", Table.format(0.25f));
        assertEquals("0.000123456", Table.format(0.000123456));
        assertEquals("1.5e-05", Table.format(1.5e-5));
        assertEquals("1e+20", Table.format(1e20));
        assertEquals("1.23457e+07", Table.format(12345678.9));
        assertEquals("NaN", Table.format(Double.NaN));
        assertEquals("Infinity", Table.format(Double.POSITIVE_INFINITY));
        assertEquals("3", Table.format(3));
        assertEquals("null", Table.format(null));
    }

    @Test
    void wrongRowWidthIsRejected() {
        Table table = Table.of("a", "b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.row(1));
        assertTrue(e.getMessage().contains("2 columns") && e.getMessage().contains("1 cells"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.row(1, 2, 3));
        assertEquals(0, table.rowCount());
        assertThrows(IllegalArgumentException.class, Table::of);
    }

    @Test
    void textFormIsAligned() {
        Table table = Table.of("optimizer", "loss", "steps")
                .row("sgd", 0.5, 10)
                .row("momentum with nesterov", 0.000123456, 1000);
        String text = table.toString();
        String[] lines = text.split("\n");
        assertEquals(3, lines.length, text);
        int lossColumn = lines[0].indexOf("loss");
        int stepsColumn = lines[0].indexOf("steps");
        assertEquals("momentum with nesterov".length() + 2, lossColumn, text);
        assertEquals(lossColumn, lines[1].indexOf("0.5"), text);
        assertEquals(lossColumn, lines[2].indexOf("0.000123456"), text);
        assertEquals(stepsColumn, lines[1].indexOf("10"), text);
        assertEquals(stepsColumn, lines[2].indexOf("1000"), text);
        assertTrue(lines[1].startsWith("sgd "), text);
        assertFalse(text.endsWith(" ") || text.endsWith("\n"), text);
    }

    @Test
    void mimeBundleHasHtmlAndText() {
        Table table = Table.of("k", "v").row("a", 1.0);
        Map<String, Object> bundle = table.mimeBundle();
        assertEquals(table.toHtml(), bundle.get("text/html"));
        assertEquals(table.toString(), bundle.get("text/plain"));
    }

    @Test
    void accessors() {
        Object[] cells = {"a", 2};
        Table table = Table.of("k", "v").row(cells);
        cells[0] = "changed";
        assertEquals(List.of("k", "v"), table.headers());
        assertEquals(1, table.rowCount());
        assertEquals("a", table.get(0, 0));
        assertEquals(2, table.get(0, 1));
    }
}
