package org.seq2seq4j.experiments.ablation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.seq2seq4j.experiments.run.EvaluationReport;

/** The test-split score an ablation compares its cells by (the bar chart and the first column of its table). */
public enum AblationMetric {
    /** Exact-match accuracy, shown in percent. */
    SEQUENCE_ACCURACY("exact match (%)", true),
    /** Token accuracy, shown in percent. */
    TOKEN_ACCURACY("token accuracy (%)", true),
    /** Teacher-forced per-token perplexity. */
    PERPLEXITY("perplexity", false, false),
    /** Corpus BLEU of the detokenized outputs, sacreBLEU's default (for translation experiments). */
    BLEU("BLEU", false, true),
    /** Corpus chrF of the detokenized outputs, sacreBLEU's default (for translation experiments). */
    CHRF("chrF", false, true);

    private final String title;
    private final boolean percent;
    private final boolean translation;

    AblationMetric(String title, boolean percent) {
        this(title, percent, false);
    }

    AblationMetric(String title, boolean percent, boolean translation) {
        this.title = title;
        this.percent = percent;
        this.translation = translation;
    }

    /**
     * Whether the summary table shows this metric when the ablation compares by {@code selected}: BLEU and chrF
     * (computed for every evaluation, but meaningless for toy tasks) only when the ablation compares by one of them.
     */
    public boolean shownWith(AblationMetric selected) {
        return this != selected && (!translation || selected.translation);
    }

    /** The name in ablation files, {@code sequence_accuracy}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Column and axis title. */
    public String title() {
        return title;
    }

    /** The value as shown: accuracies in percent. */
    public double shown(double value) {
        return percent ? 100 * value : value;
    }

    /** The metric's value in a test report. */
    public double of(EvaluationReport r) {
        return switch (this) {
            case SEQUENCE_ACCURACY -> r.sequenceAccuracy();
            case TOKEN_ACCURACY -> r.tokenAccuracy();
            case PERPLEXITY -> r.perplexity();
            case BLEU -> r.bleu() == null ? Double.NaN : r.bleu().score();
            case CHRF -> r.chrF() == null ? Double.NaN : r.chrF().score();
        };
    }

    /** All names accepted in ablation files. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(AblationMetric::jsonName).toList();
    }
}
