package course.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * How the course writes a number in tables: six significant digits without trailing zeros
 * ({@code 2.4}, {@code 0.00123457}), scientific notation below 1e-4 and from 1e7 on
 * ({@code 1.5e-08}), whole doubles with ".0". Also as a {@link NumberFormat}, for tablesaw columns.
 */
public final class NumberText {
    private NumberText() {
    }

    public static String of(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e7)) {
            return String.format(Locale.ROOT, "%.5e", v).replaceAll("\\.?0+e", "e");
        }
        if (v == Math.rint(v)) {
            return (long) v + ".0";
        }
        // Six significant digits without trailing zeros: 2.4, not 2.40000.
        String text = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    /** The same rule as a NumberFormat (formatting only), e.g. for a tablesaw column's print formatter. */
    public static NumberFormat format() {
        return new NumberFormat() {
            @Override
            public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(of(number));
            }

            @Override
            public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(number);
            }

            @Override
            public Number parse(String source, ParsePosition parsePosition) {
                throw new UnsupportedOperationException("NumberText only formats");
            }
        };
    }
}
