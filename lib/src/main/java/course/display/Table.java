package course.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small table of results that renders as an HTML table in a notebook and as aligned text
 * elsewhere. Numbers are shown with 6 significant digits.
 */
public final class Table {
    private final List<String> headers;
    private final List<List<Object>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    public static Table of(String... headers) {
        if (headers == null || headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column header");
        }
        return new Table(List.of(headers));
    }

    public Table row(Object... cells) {
        if (cells == null || cells.length != headers.size()) {
            throw new IllegalArgumentException("the table has " + headers.size() + " columns " + headers
                    + " but the row has " + (cells == null ? 0 : cells.length) + " cells: " + Arrays.toString(cells));
        }
        rows.add(Arrays.asList(cells.clone()));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public List<String> headers() {
        return headers;
    }

    public Object get(int row, int column) {
        return rows.get(row).get(column);
    }

    static String format(Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            return NumberText.of(((Number) cell).doubleValue());
        }
        return String.valueOf(cell);
    }

    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/html", toHtml());
        bundle.put("text/plain", toString());
        return bundle;
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"course-table\">\n<thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : rows) {
            html.append("<tr>");
            for (Object cell : row) {
                boolean numeric = cell instanceof Number;
                html.append(numeric ? "<td style=\"text-align:right\">" : "<td>").append(escape(format(cell))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    @Override
    public String toString() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<Object> row : rows) {
                widths[c] = Math.max(widths[c], format(row.get(c)).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, new ArrayList<>(headers), widths);
        for (List<Object> row : rows) {
            List<Object> formatted = new ArrayList<>();
            row.forEach(cell -> formatted.add(format(cell)));
            appendLine(text, formatted, widths);
        }
        return text.toString().stripTrailing();
    }

    private static void appendLine(StringBuilder text, List<Object> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = String.valueOf(cells.get(c));
            text.append(cell).append(" ".repeat(widths[c] - cell.length() + (c < cells.size() - 1 ? 2 : 0)));
        }
        text.append('\n');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
