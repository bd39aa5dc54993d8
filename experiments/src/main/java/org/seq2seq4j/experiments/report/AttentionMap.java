package org.seq2seq4j.experiments.report;

import java.util.List;

/**
 * The attention of one translation: for every output step, the weights over the source tokens, which sum to 1.
 * Source tokens are in their original order even when the model reads sources reversed.
 *
 * @param sourceTokens the source tokens (columns)
 * @param outputTokens the output tokens (rows), with {@code </s>} last if the output ended
 * @param weights      {@code weights[j][i]}: attention on source token i while producing output token j
 */
public record AttentionMap(List<String> sourceTokens, List<String> outputTokens, double[][] weights) {

    /** The row label of the end-of-sequence step. */
    public static final String END = "</s>";

    public AttentionMap {
        sourceTokens = List.copyOf(sourceTokens);
        outputTokens = List.copyOf(outputTokens);
        if (weights.length != outputTokens.size()) {
            throw new IllegalArgumentException(weights.length + " rows of weights for " + outputTokens.size()
                    + " output tokens");
        }
        for (double[] row : weights) {
            if (row.length != sourceTokens.size()) {
                throw new IllegalArgumentException(row.length + " weights in a row for " + sourceTokens.size()
                        + " source tokens");
            }
        }
    }
}
