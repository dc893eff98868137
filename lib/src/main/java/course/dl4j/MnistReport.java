package course.dl4j;

import course.plot.LineChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's figure and page, kept minimal and in one place so that richer figures can replace
 * them: a PNG of validation accuracy per epoch, one line per optimizer ({@link LineChart}), and a
 * self-contained HTML page (the PNG inlined as base64, no script, no external file) with the table
 * and where the numbers were measured.
 */
public final class MnistReport {
    private MnistReport() {
    }

    /** Validation accuracy per epoch, one series per optimizer (in the rows' order). */
    public static LineChart accuracyChart(List<MnistEpoch> rows, String title) {
        Map<String, List<MnistEpoch>> byOptimizer = new LinkedHashMap<>();
        for (MnistEpoch row : rows) {
            byOptimizer.computeIfAbsent(row.optimizer(), k -> new ArrayList<>()).add(row);
        }
        LineChart chart = LineChart.titled(title).labels("epoch", "validation accuracy").size(720, 440);
        for (Map.Entry<String, List<MnistEpoch>> entry : byOptimizer.entrySet()) {
            List<MnistEpoch> epochs = entry.getValue();
            double[] x = new double[epochs.size()];
            double[] y = new double[epochs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = epochs.get(i).epoch();
                y[i] = epochs.get(i).validationAccuracy();
            }
            chart.series(entry.getKey(), x, y);
        }
        return chart;
    }

    /** Writes the PNG and returns its bytes. */
    public static byte[] writePng(List<MnistEpoch> rows, String title, Path file) {
        byte[] png = accuracyChart(rows, title).toPng();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return png;
    }

    /** The page: title, settings, environment, implementations, the figure and the table. */
    public static String html(String title, List<String> facts, List<String> implementations, byte[] png,
                              List<MnistEpoch> rows) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em}\n")
                .append("th{background:#f3f3f3}td{text-align:right}td:first-child{text-align:left}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<ul>\n");
        for (String fact : facts) {
            html.append("<li>").append(escape(fact)).append("</li>\n");
        }
        html.append("</ul>\n<h2>Optimizers</h2>\n<ul>\n");
        for (String implementation : implementations) {
            html.append("<li>").append(escape(implementation)).append("</li>\n");
        }
        html.append("</ul>\n");
        if (png != null) {
            html.append("<img alt=\"validation accuracy per epoch\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        }
        html.append("<h2>Per epoch</h2>\n").append(MnistTraining.table(rows).toHtml()).append("\n</body>\n</html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
