package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The dev-set measure that selects the best checkpoint and drives early stopping and the plateau schedule. */
public enum ValidationMetric {
    /** Teacher-forced per-token cross-entropy (lower is better). */
    @JsonProperty("dev_loss") DEV_LOSS,
    /** Exact-match accuracy of greedy outputs (higher is better). */
    @JsonProperty("sequence_accuracy") SEQUENCE_ACCURACY,
    /** Token accuracy of greedy outputs (higher is better). */
    @JsonProperty("token_accuracy") TOKEN_ACCURACY,
    /** Corpus BLEU of the detokenized greedy outputs, sacreBLEU's defaults (higher is better). */
    @JsonProperty("bleu") BLEU,
    /** Corpus chrF of the detokenized greedy outputs (higher is better). */
    @JsonProperty("chrf") CHRF;

    /** Whether {@code candidate} is better than {@code best}. */
    public boolean improves(double candidate, double best) {
        return switch (this) {
            case DEV_LOSS -> candidate < best;
            case SEQUENCE_ACCURACY, TOKEN_ACCURACY, BLEU, CHRF -> candidate > best;
        };
    }
}
