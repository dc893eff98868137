package course.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for plotly figures: maps (in insertion order), lists, arrays of numbers,
 * strings, numbers, booleans and null. Doubles are written with a chosen number of significant
 * digits (figures shown in a notebook need 6, a saved figure keeps all 17), non-finite values as
 * {@code null} (a gap in a plotly line). Strings escape {@code <}, {@code >} and {@code &} so that the
 * JSON can sit inside an HTML {@code <script>} element.
 */
final class Json {
    /** Digits of a double in the figures a notebook shows. */
    static final int DISPLAY_DIGITS = 6;
    /** Digits that reproduce every double exactly. */
    static final int ALL_DIGITS = 17;

    private final StringBuilder out;
    private final MathContext context;
    private final int digits;

    private Json(int digits, int capacity) {
        if (digits < 1 || digits > ALL_DIGITS) {
            throw new IllegalArgumentException("digits must be in 1.." + ALL_DIGITS + ", got " + digits);
        }
        this.digits = digits;
        this.context = new MathContext(digits, RoundingMode.HALF_EVEN);
        this.out = new StringBuilder(capacity);
    }

    static String write(Object value, int digits) {
        Json json = new Json(digits, 4096);
        json.value(value);
        return json.out.toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Double d) {
            number(d);
        } else if (value instanceof Float f) {
            number(f.doubleValue());
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i));
            }
            out.append(']');
        } else if (value instanceof double[] numbers) {
            out.append('[');
            for (int i = 0; i < numbers.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                number(numbers[i]);
            }
            out.append(']');
        } else if (value instanceof int[] numbers) {
            out.append('[');
            for (int i = 0; i < numbers.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(numbers[i]);
            }
            out.append(']');
        } else if (value instanceof Object[] items) {
            value(List.of(items));
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : inStableOrder(map)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(String.valueOf(entry.getKey()));
            out.append(':');
            value(entry.getValue());
        }
        out.append('}');
    }

    /**
     * The entries in the map's own order where it has one (a LinkedHashMap, a sorted map), else by key:
     * Map.of's order changes from one JVM to the next, and a re-run's figures must be byte for byte the same.
     */
    private static Iterable<? extends Map.Entry<?, ?>> inStableOrder(Map<?, ?> map) {
        if (map instanceof java.util.LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?> || map.size() < 2) {
            return map.entrySet();
        }
        java.util.List<Map.Entry<?, ?>> entries = new java.util.ArrayList<>(map.entrySet());
        entries.sort(java.util.Comparator.comparing(e -> String.valueOf(e.getKey())));
        return entries;
    }

    private void number(double v) {
        out.append(number(v, digits, context));
    }

    /** The shortest text of v rounded to the given significant digits; "null" if v is not finite. */
    static String number(double v, int digits) {
        return number(v, digits, new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    private static String number(double v, int digits, MathContext context) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == 0) {
            return "0";
        }
        double magnitude = Math.abs(v);
        if (v == Math.rint(v) && magnitude < 1e15 && (digits >= ALL_DIGITS || magnitude < Math.pow(10, digits))) {
            return Long.toString((long) v);
        }
        BigDecimal decimal = BigDecimal.valueOf(v);
        if (digits < ALL_DIGITS) {
            decimal = decimal.round(context);
        }
        decimal = decimal.stripTrailingZeros();
        return magnitude >= 1e-5 && magnitude < 1e15 ? decimal.toPlainString() : decimal.toString();
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
