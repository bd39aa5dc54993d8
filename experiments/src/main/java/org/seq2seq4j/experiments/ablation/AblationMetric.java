package org.seq2seq4j.experiments.ablation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.seq2seq4j.experiments.run.DecodingDiagnostics;
import org.seq2seq4j.experiments.run.EvaluationReport;

/**
 * The test-split score an ablation compares its cells by (the bar chart and the first column of its table). Scores
 * come in families: the accuracies and perplexity are shown in every summary; the translation scores (BLEU, chrF) and
 * the repetition rates ({@link DecodingDiagnostics#repeatedNgrams()}) only in one that compares by a score of their
 * family.
 */
public enum AblationMetric {
    /** Exact-match accuracy, shown in percent. */
    SEQUENCE_ACCURACY("exact match (%)", true, Family.BASIC, 0),
    /** Token accuracy, shown in percent. */
    TOKEN_ACCURACY("token accuracy (%)", true, Family.BASIC, 0),
    /** Teacher-forced per-token perplexity. */
    PERPLEXITY("perplexity", false, Family.BASIC, 0),
    /** Corpus BLEU of the detokenized outputs, sacreBLEU's default (for translation experiments). */
    BLEU("BLEU", false, Family.TRANSLATION, 0),
    /** Corpus chrF of the detokenized outputs, sacreBLEU's default (for translation experiments). */
    CHRF("chrF", false, Family.TRANSLATION, 0),
    /** Share of output unigram occurrences that repeat an earlier token of the same output, in percent. */
    REPEATED_1GRAMS("repeated 1-grams (%)", true, Family.REPETITION, 1),
    /** Share of output bigram occurrences that repeat an earlier bigram of the same output, in percent. */
    REPEATED_2GRAMS("repeated 2-grams (%)", true, Family.REPETITION, 2),
    /** Share of output trigram occurrences that repeat an earlier trigram of the same output, in percent. */
    REPEATED_3GRAMS("repeated 3-grams (%)", true, Family.REPETITION, 3),
    /** Share of output 4-gram occurrences that repeat an earlier 4-gram of the same output, in percent. */
    REPEATED_4GRAMS("repeated 4-grams (%)", true, Family.REPETITION, 4);

    /** Which scores a summary shows beside the one it compares by. */
    private enum Family {
        /** Shown in every summary. */
        BASIC,
        /** Meaningful for translation experiments only. */
        TRANSLATION,
        /** How much outputs repeat themselves, the measure of coverage (See et al. 2017, figure 4). */
        REPETITION
    }

    private final String title;
    private final boolean percent;
    private final Family family;
    private final int order;

    /** @param order the n-gram order of a repetition rate, 0 for other scores */
    AblationMetric(String title, boolean percent, Family family, int order) {
        this.title = title;
        this.percent = percent;
        this.family = family;
        this.order = order;
    }

    /**
     * Whether the summary table shows this metric when the ablation compares by {@code selected}: the accuracies and
     * perplexity always; BLEU and chrF (computed for every evaluation, but meaningless for toy tasks) only when the
     * ablation compares by one of them; the repetition rates only when it compares by one of them.
     */
    public boolean shownWith(AblationMetric selected) {
        return this != selected && (family == Family.BASIC || family == selected.family);
    }

    /**
     * Whether {@code summary.csv} has a column of this metric when the ablation compares by {@code selected}: those of
     * the selected metric's family, if that is not the basic one (whose columns every summary has).
     */
    public boolean inCsvWith(AblationMetric selected) {
        return family != Family.BASIC && family == selected.family;
    }

    /** The name in ablation files, {@code sequence_accuracy}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Column and axis title. */
    public String title() {
        return title;
    }

    /** The value as shown: accuracies and repetition rates in percent. */
    public double shown(double value) {
        return percent ? 100 * value : value;
    }

    /** Decimals of the shown value in the summary table. */
    public int decimals() {
        return this == PERPLEXITY ? 3 : family == Family.REPETITION ? 2 : 1;
    }

    /**
     * Whether the bar chart's axis spans 0 to 100: for the accuracies, BLEU and chrF; not for perplexity, which is
     * unbounded, nor for repetition rates, which are small on most tasks.
     */
    public boolean fullScale() {
        return this != PERPLEXITY && family != Family.REPETITION;
    }

    /** The metric's value in a test report; NaN for a score the report lacks (written before it existed). */
    public double of(EvaluationReport r) {
        return switch (this) {
            case SEQUENCE_ACCURACY -> r.sequenceAccuracy();
            case TOKEN_ACCURACY -> r.tokenAccuracy();
            case PERPLEXITY -> r.perplexity();
            case BLEU -> r.bleu() == null ? Double.NaN : r.bleu().score();
            case CHRF -> r.chrF() == null ? Double.NaN : r.chrF().score();
            case REPEATED_1GRAMS, REPEATED_2GRAMS, REPEATED_3GRAMS, REPEATED_4GRAMS -> repeated(r.diagnostics());
        };
    }

    private double repeated(DecodingDiagnostics diagnostics) {
        Double rate = diagnostics == null || diagnostics.repeatedNgrams() == null ? null
                : diagnostics.repeatedNgrams().get(Integer.toString(order));
        return rate == null ? Double.NaN : rate;
    }

    /** All names accepted in ablation files. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(AblationMetric::jsonName).toList();
    }
}
