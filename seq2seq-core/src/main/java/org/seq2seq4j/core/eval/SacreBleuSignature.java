package org.seq2seq4j.core.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.StringJoiner;

/**
 * sacreBLEU's reproducibility signature ({@code sacrebleu/metrics/base.py}, {@code Signature.format}): the settings a
 * score depends on as {@code key:value} pairs joined by {@code |}, the number of references first and the version
 * last, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}.
 *
 * <p>The scores of this package reproduce sacreBLEU {@value #VERSION} (BLEU, chrF and chrF++ with the options offered
 * here), checked against that version's own output, so their signatures carry that version: a score from here and a
 * score from sacreBLEU {@value #VERSION} with the same signature are the same number.
 */
public final class SacreBleuSignature {

    /** The sacreBLEU release whose results and signature format this package reproduces. */
    public static final String VERSION = "2.6.0";

    private SacreBleuSignature() {
    }

    /** {@code nrefs:<nrefs>|k1:v1|...|version:2.6.0} from alternating keys and values. */
    static String of(String nrefs, Object... keysAndValues) {
        StringJoiner j = new StringJoiner("|");
        j.add("nrefs:" + nrefs);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            j.add(keysAndValues[i] + ":" + keysAndValues[i + 1]);
        }
        j.add("version:" + VERSION);
        return j.toString();
    }

    /** {@code "yes"} or {@code "no"}, as sacreBLEU writes booleans. */
    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /**
     * Python's {@code f"{x:.{decimals}f}"}: the exact binary value rounded half to even, which is not what
     * {@link String#format} does (it gives {@code 0.13} for {@code 0.125}, Python {@code 0.12}).
     */
    static String fixed(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
