package course.plot;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size and speed the issue bounds: a figure of 5 series × 10,000 points stays under 200 KB of
 * HTML and of JSON in the notebook, and renders to PNG quickly after the first figure of a JVM.
 * The exact timings are measured by {@code bin/course bench --figures}; the bound here is loose
 * (a shared 2-core machine) and catches regressions such as drawing every point.
 */
class PayloadTest {
    @Test
    void htmlAndJsonStayUnder200Kilobytes() {
        Figure.embedPlotlyAgain();
        BenchmarkFigures.fiveByTenThousand().toHtml(); // this one carries plotly.js
        Map<String, Object> bundle = BenchmarkFigures.fiveByTenThousand().mimeBundle();
        int html = ((String) bundle.get("text/html")).length();
        int json = ((String) bundle.get("application/vnd.plotly.v1+json")).length();
        int png = ((String) bundle.get("image/png")).length();
        assertTrue(html < 200_000, "text/html is " + html + " bytes");
        assertTrue(json < 200_000, "the plotly JSON is " + json + " bytes");
        assertTrue(png < 120_000, "the PNG is " + png + " bytes of base64");
        assertTrue(BenchmarkFigures.fiveByTenThousand().toJson().length() > 500_000, "the full data is kept for saving");
    }
}
