package course.plot;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size and speed the issue bounds: a figure of 5 series × 10,000 points stays under 200 KB of
 * HTML and of JSON in the notebook, and renders to PNG quickly after the first figure of a JVM.
 * The exact timings are measured by {@code bin/course bench --figures}; the bound here is loose
 * (a shared 2-core machine) and catches regressions such as drawing every point.
 */
class PayloadTest {
    static LineChart fiveByTenThousand() {
        Random random = new Random(5);
        LineChart chart = LineChart.titled("5 series x 10,000 points").labels("step", "loss").logY();
        for (int s = 0; s < 5; s++) {
            double[] y = new double[10_000];
            double loss = 2;
            for (int i = 0; i < y.length; i++) {
                loss *= 1 - 0.0004 * (s + 1);
                y[i] = loss * Math.exp(0.3 * random.nextGaussian()); // a noisy minibatch loss
            }
            chart.series("optimizer " + (s + 1), y);
        }
        return chart;
    }

    @Test
    void htmlAndJsonStayUnder200Kilobytes() {
        Figure.embedPlotlyAgain();
        fiveByTenThousand().toHtml(); // this one carries plotly.js
        Map<String, Object> bundle = fiveByTenThousand().mimeBundle();
        int html = ((String) bundle.get("text/html")).length();
        int json = ((String) bundle.get("application/vnd.plotly.v1+json")).length();
        int png = ((String) bundle.get("image/png")).length();
        assertTrue(html < 200_000, "text/html is " + html + " bytes");
        assertTrue(json < 200_000, "the plotly JSON is " + json + " bytes");
        assertTrue(png < 120_000, "the PNG is " + png + " bytes of base64");
        assertTrue(fiveByTenThousand().toJson().length() > 500_000, "the full data is kept for saving");
    }

    @Test
    void pngRendersQuicklyAfterTheFirst() {
        LineChart chart = fiveByTenThousand();
        chart.toPng();
        long[] millis = new long[7];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            chart.toPng();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        assertTrue(millis[millis.length / 2] < 1000, "median PNG time " + millis[millis.length / 2] + " ms: " + Arrays.toString(millis));
    }
}
