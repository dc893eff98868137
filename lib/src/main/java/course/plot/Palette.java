package course.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The colours every figure uses, the same in the interactive figure and in its PNG: ten series
 * colours (plotly's and matplotlib's "category 10") and a viridis colour scale for values.
 */
public final class Palette {
    private static final Color[] SERIES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };
    /** Viridis at 0, 1/4, 1/2, 3/4 and 1; in between, colours are interpolated linearly. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962), new Color(0xfde725),
    };

    private Palette() {
    }

    /** The colour of the series with this index (the palette repeats after ten). */
    public static Color series(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a series index is never negative, got " + index);
        }
        return SERIES[index % SERIES.length];
    }

    /** The viridis colour at t in [0, 1] (clamped): dark purple at 0, yellow at 1. */
    public static Color viridis(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (VIRIDIS.length - 1);
        int low = Math.min((int) position, VIRIDIS.length - 2);
        double f = position - low;
        Color a = VIRIDIS[low], b = VIRIDIS[low + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** "#rrggbb", as plotly reads colours. */
    public static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    /** The viridis scale in plotly's form, [[0, "#440154"], ..., [1, "#fde725"]]. */
    static List<Object> plotlyViridis() {
        return plotlyViridis(1);
    }

    /** Viridis from 0 up to {@code top} (in (0, 1]), stretched over plotly's [0, 1], in 9 stops. */
    static List<Object> plotlyViridis(double top) {
        List<Object> scale = new ArrayList<>();
        int stops = 9;
        for (int i = 0; i < stops; i++) {
            double t = (double) i / (stops - 1);
            scale.add(List.of(t, hex(viridis(top * t))));
        }
        return scale;
    }
}
