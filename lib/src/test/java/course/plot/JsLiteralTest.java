package course.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tablesaw-jsplot's JavaScript as it really is: unquoted keys, single quotes, entities, loose commas. */
class JsLiteralTest {
    @Test
    void readsTablesawsLayoutForm() {
        Object value = JsLiteral.read("{\n    title: 'loss &amp; rate',\n    height: 450,\n    width: 700,\n"
                + "    xaxis: {\n    title: 'epoch',\n    range: [0.0, 1.5]\n    visible: true,\n    },\n};");
        assertTrue(value instanceof Map<?, ?>);
        Map<?, ?> layout = (Map<?, ?>) value;
        assertEquals("loss & rate", layout.get("title"));
        assertEquals(450.0, layout.get("height"));
        Map<?, ?> axis = (Map<?, ?>) layout.get("xaxis");
        assertEquals(List.of(0.0, 1.5), axis.get("range"), "a member without its comma (tablesaw's axis template)");
        assertEquals(Boolean.TRUE, axis.get("visible"));
    }

    @Test
    void readsVariablesInOrderWithJavasNonFiniteNumbers() {
        Map<String, Object> variables = JsLiteral.readVariables("var layout = {title: 'a'};\n"
                + "var trace0 =\n{\nx: [1.0, NaN, -Infinity, 2e-3],\ny: ['1','x',\"q\\\"uote\"],\ntype: 'scatter',\n};\n");
        assertEquals(List.of("layout", "trace0"), List.copyOf(variables.keySet()));
        List<?> x = (List<?>) ((Map<?, ?>) variables.get("trace0")).get("x");
        assertEquals(Arrays.asList(1.0, null, null, 0.002), x);
        assertEquals(List.of("1", "x", "q\"uote"), ((Map<?, ?>) variables.get("trace0")).get("y"));
    }

    @Test
    void anythingButALiteralIsAnErrorThatSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsLiteral.read("{hover: function() { return 1; }}"));
        assertTrue(e.getMessage().contains("expected a value, found function"), e.getMessage());
        assertTrue(e.getMessage().contains("at character"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsLiteral.read("{title: 'unclosed}"));
        assertThrows(IllegalArgumentException.class, () -> JsLiteral.readVariables("Plotly.newPlot(a, b);"));
        assertNull(JsLiteral.read("null"));
    }

    @Test
    void htmlEntitiesOfTheTemplateEngineAreDecoded() {
        assertEquals("<b>'x' & \"y\"</b>", JsLiteral.unescapeHtml("&lt;b&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/b&gt;"));
        assertEquals("&amp;", JsLiteral.unescapeHtml("&amp;amp;"), "decoded once, not twice");
    }
}
