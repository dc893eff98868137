package course.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JavaScript that tablesaw-jsplot writes for a figure ({@code var layout = {…}; var trace0 =
 * {…};}) into plain values: maps in key order, lists, doubles, strings, booleans and null. tablesaw has
 * no JSON export, and its literals are JavaScript, not JSON: keys without quotes, strings in single
 * quotes with HTML entities ({@code &amp;}, its template engine escapes for HTML), trailing commas, a
 * comma missing after some members (its axis template omits one after {@code range}), and Java's
 * {@code NaN} and {@code Infinity} among the numbers (read as null: a gap, as plotly draws it). Anything
 * else (a function, an expression) is an error that names the position.
 */
final class JsLiteral {
    private final String text;
    private int at;

    private JsLiteral(String text) {
        this.text = text;
    }

    /** One literal: {@code {…}}, {@code […]}, a string, a number, true, false or null. */
    static Object read(String literal) {
        JsLiteral reader = new JsLiteral(literal);
        Object value = reader.value();
        reader.skipSemicolon();
        if (reader.at < literal.length()) {
            throw reader.error("nothing more after the value");
        }
        return value;
    }

    /** The statements {@code var NAME = LITERAL;}, by name in order; other statements are an error. */
    static Map<String, Object> readVariables(String script) {
        JsLiteral reader = new JsLiteral(script);
        Map<String, Object> variables = new LinkedHashMap<>();
        while (true) {
            reader.space();
            if (reader.at >= script.length()) {
                return variables;
            }
            if (!reader.word().equals("var")) {
                throw reader.error("'var NAME = value;'");
            }
            reader.space();
            String name = reader.word();
            reader.space();
            reader.expect('=');
            variables.put(name, reader.value());
            reader.skipSemicolon();
        }
    }

    /** Spaces, then a {@code ;} if there is one (tablesaw ends most statements with one, not all). */
    private void skipSemicolon() {
        space();
        if (at < text.length() && text.charAt(at) == ';') {
            at++;
        }
        space();
    }

    private Object value() {
        space();
        char c = peek();
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        String word = word();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null", "undefined", "NaN", "Infinity" -> null;
            default -> throw error("a value", word.isEmpty() ? String.valueOf(c) : word);
        };
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        while (true) {
            space();
            if (peek() == '}') {
                at++;
                return members;
            }
            String key = peek() == '\'' || peek() == '"' ? string() : word();
            if (key.isEmpty()) {
                throw error("a key or '}'");
            }
            space();
            expect(':');
            members.put(key, value());
            space();
            if (peek() == ',') {
                at++;
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> elements = new ArrayList<>();
        while (true) {
            space();
            if (peek() == ']') {
                at++;
                return elements;
            }
            elements.add(value());
            space();
            if (peek() == ',') {
                at++;
            }
        }
    }

    private String string() {
        char quote = text.charAt(at++);
        StringBuilder out = new StringBuilder();
        while (at < text.length() && text.charAt(at) != quote) {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("four hex digits after \\u");
                        }
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            } else {
                out.append(c);
            }
        }
        if (at >= text.length()) {
            throw error("the closing " + quote);
        }
        at++;
        return unescapeHtml(out.toString());
    }

    private Double number() {
        int start = at;
        if (peek() == '-' || peek() == '+') {
            at++;
        }
        if (text.startsWith("Infinity", at)) {
            at += "Infinity".length();
            return null;
        }
        while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return Double.valueOf(text.substring(start, at));
        } catch (NumberFormatException e) {
            at = start;
            throw error("a number");
        }
    }

    private String word() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '$')) {
            at++;
        }
        return text.substring(start, at);
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("//", at)) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                at = end < 0 ? text.length() : end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("more input");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        space();
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private IllegalArgumentException error(String expected) {
        return error(expected, at < text.length() ? String.valueOf(text.charAt(at)) : "the end");
    }

    private IllegalArgumentException error(String expected, String found) {
        int from = Math.max(0, at - 30), to = Math.min(text.length(), at + 30);
        return new IllegalArgumentException("cannot read tablesaw's figure script at character " + at + ": expected "
                + expected + ", found " + found + " in …" + text.substring(from, to).replace('\n', ' ') + "…");
    }

    /** The entities an HTML-escaping template writes (tablesaw's Pebble engine escapes every string). */
    static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
