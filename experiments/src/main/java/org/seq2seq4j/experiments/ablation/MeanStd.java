package org.seq2seq4j.experiments.ablation;

import java.util.List;
import java.util.Locale;

/**
 * Mean and sample standard deviation (Bessel-corrected, {@code n - 1}) of a cell's values over its seeds; with one
 * value the deviation is undefined (NaN) and shown as such.
 *
 * @param n    number of values
 * @param mean arithmetic mean (NaN for none)
 * @param std  sample standard deviation (NaN for fewer than two values)
 */
public record MeanStd(int n, double mean, double std) {

    public static MeanStd of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new MeanStd(0, Double.NaN, Double.NaN);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new MeanStd(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MeanStd(n, mean, Math.sqrt(ss / (n - 1)));
    }

    /** {@code 94.0 ± 1.2}, {@code 94.0} for a single value, {@code –} for none. */
    public String format(int decimals) {
        if (n == 0) {
            return "–";
        }
        String f = "%." + decimals + "f";
        return n == 1 ? String.format(Locale.ROOT, f, mean)
                : String.format(Locale.ROOT, f + " ± " + f, mean, std);
    }
}
