package course.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/** One axis of a 2-D figure: its title, linear or logarithmic, and an optional fixed range. */
final class Axis {
    private String label;
    private boolean log;
    private double min = Double.NaN;
    private double max = Double.NaN;

    Axis(String label) {
        this.label = label == null ? "" : label;
    }

    Axis copy() {
        Axis copy = new Axis(label);
        copy.log = log;
        copy.min = min;
        copy.max = max;
        return copy;
    }

    void label(String label) {
        this.label = label == null ? "" : label;
    }

    String label() {
        return label;
    }

    void log(boolean log) {
        this.log = log;
    }

    boolean isLog() {
        return log;
    }

    void range(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("an axis range needs finite min < max, got " + min + " and " + max);
        }
        if (log && min <= 0) {
            throw new IllegalArgumentException("a logarithmic axis cannot start at " + min);
        }
        this.min = min;
        this.max = max;
    }

    boolean hasRange() {
        return !Double.isNaN(min);
    }

    /** The axis in plotly's current form: {@code title: {text: ...}} (plotly.js 3 ignores a plain string). */
    Map<String, Object> plotly() {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("title", Map.of("text", label));
        axis.put("type", log ? "log" : "linear");
        if (log) {
            axis.put("exponentformat", "power");
        }
        if (hasRange()) {
            axis.put("range", log ? new double[]{Math.log10(min), Math.log10(max)} : new double[]{min, max});
            axis.put("autorange", false);
        }
        axis.put("showline", true);
        axis.put("linecolor", "#444444");
        axis.put("mirror", true);
        axis.put("gridcolor", "#e5e5e5");
        axis.put("zeroline", false);
        axis.put("automargin", true);
        return axis;
    }

    /** The same axis for the PNG. */
    ValueAxis jfree() {
        ValueAxis axis;
        if (log) {
            LogAxis logAxis = new LogAxis(label);
            logAxis.setBase(10);
            logAxis.setBaseSymbol("10");
            logAxis.setSmallestValue(1e-300);
            logAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = logAxis;
        } else {
            NumberAxis numberAxis = new NumberAxis(label);
            numberAxis.setAutoRangeIncludesZero(false);
            axis = numberAxis;
        }
        if (hasRange()) {
            axis.setRange(min, max);
        }
        Charts.style(axis);
        return axis;
    }
}
