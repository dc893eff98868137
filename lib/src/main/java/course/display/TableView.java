package course.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A tablesaw {@link Table} as the course shows it: a compact HTML table (name and shape on top,
 * numbers right-aligned with six significant digits, missing cells empty, the first and last rows of
 * a long table with a "… n more rows …" line between) and the same as aligned text. The kernel
 * shows any tablesaw table this way ({@link CourseRenderers} registers it);
 * {@code TableView.of(table).maxRows(50)} shows more rows.
 */
public final class TableView {
    private final Table table;
    private int maxRows = 20;

    private TableView(Table table) {
        this.table = table;
    }

    public static TableView of(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("the table is null");
        }
        return new TableView(table);
    }

    /** Show at most this many rows (at least 2): the first ones and the last few. */
    public TableView maxRows(int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("show at least 2 rows, got " + maxRows);
        }
        this.maxRows = maxRows;
        return this;
    }

    /**
     * The display bundle for objects the course knows how to show but that have no
     * {@code mimeBundle()} of their own (tablesaw tables); null for anything else.
     */
    public static Map<String, Object> bundleFor(Object value) {
        return value instanceof Table table ? of(table).mimeBundle() : null;
    }

    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", toHtml());
        return bundle;
    }

    /** Row indices to show; -1 marks the gap. */
    private List<Integer> shownRows() {
        List<Integer> rows = new ArrayList<>();
        int n = table.rowCount();
        if (n <= maxRows) {
            for (int r = 0; r < n; r++) {
                rows.add(r);
            }
            return rows;
        }
        int tail = Math.max(1, maxRows / 4), head = maxRows - tail;
        for (int r = 0; r < head; r++) {
            rows.add(r);
        }
        rows.add(-1);
        for (int r = n - tail; r < n; r++) {
            rows.add(r);
        }
        return rows;
    }

    private static boolean numeric(Column<?> column) {
        return column instanceof NumericColumn<?>;
    }

    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        Object value = column.get(row);
        if (value instanceof Double || value instanceof Float) {
            return NumberText.of(((Number) value).doubleValue());
        }
        return column.getString(row);
    }

    private String heading() {
        return table.name() + ": " + table.rowCount() + " rows × " + table.columnCount() + " columns";
    }

    private String gap() {
        int hidden = table.rowCount() - maxRows;
        return "… " + hidden + " more row" + (hidden == 1 ? "" : "s") + " …";
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder("<div class=\"course-table-view\">\n<p style=\"margin:0 0 4px 0\"><b>")
                .append(escape(table.name())).append("</b> · ").append(table.rowCount()).append(" rows × ")
                .append(table.columnCount()).append(" columns</p>\n<table class=\"course-table\">\n<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append(numeric(column) ? "<th style=\"text-align:right\">" : "<th>").append(escape(column.name()))
                    .append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int row : shownRows()) {
            if (row < 0) {
                html.append("<tr><td colspan=\"").append(table.columnCount())
                        .append("\" style=\"text-align:center;color:#777\">").append(gap()).append("</td></tr>\n");
                continue;
            }
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append(numeric(column) ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(cell(column, row))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>").toString();
    }

    @Override
    public String toString() {
        List<Integer> rows = shownRows();
        int columns = table.columnCount();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            Column<?> column = table.column(c);
            widths[c] = column.name().length();
            for (int row : rows) {
                if (row >= 0) {
                    widths[c] = Math.max(widths[c], cell(column, row).length());
                }
            }
        }
        StringBuilder text = new StringBuilder(heading()).append('\n');
        List<String> header = new ArrayList<>();
        boolean[] right = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            header.add(table.column(c).name());
            right[c] = numeric(table.column(c));
        }
        line(text, header, widths, right);
        for (int row : rows) {
            if (row < 0) {
                text.append(gap()).append('\n');
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                cells.add(cell(table.column(c), row));
            }
            line(text, cells, widths, right);
        }
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths, boolean[] right) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            text.append(right[c] ? pad + cell : cell + pad);
            if (c < cells.size() - 1) {
                text.append("  ");
            }
        }
        text.append('\n');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
