package org.seq2seq4j.data.batch;

import java.util.List;

/**
 * How much of a set of padded batches is padding, for the source and the target side. A batch is as wide as its
 * longest sequence; positions beyond a sequence's length are padding. Target positions count the one extra decoder
 * step that the core {@code BatchFactory} adds ({@code <s> y} in, {@code y </s>} out), so a target of {@code n}
 * tokens occupies {@code n + 1} steps; source widths are at least 1, as in {@code BatchFactory}.
 *
 * @param sourcePositions all source positions, {@code Σ batch size × width}
 * @param sourcePadding   source positions holding padding
 * @param targetPositions all target positions
 * @param targetPadding   target positions holding padding
 */
public record PaddingReport(long sourcePositions, long sourcePadding, long targetPositions, long targetPadding) {

    /** Validates that padding is part of the positions. */
    public PaddingReport {
        if (sourcePadding < 0 || sourcePadding > sourcePositions || targetPadding < 0
                || targetPadding > targetPositions) {
            throw new IllegalArgumentException("padding must lie between 0 and the positions, got source "
                    + sourcePadding + "/" + sourcePositions + " and target " + targetPadding + "/" + targetPositions);
        }
    }

    /**
     * @param batches       batches of example indices, e.g. from a {@link BatchOrder}
     * @param sourceLengths the source length of each example, in tokens
     * @param targetLengths the target length of each example, in tokens
     * @return the padding of those batches
     */
    public static PaddingReport of(List<List<Integer>> batches, int[] sourceLengths, int[] targetLengths) {
        long sourcePositions = 0;
        long sourceTokens = 0;
        long targetPositions = 0;
        long targetTokens = 0;
        for (List<Integer> batch : batches) {
            int sourceWidth = 1;
            int targetWidth = 1;
            for (int index : batch) {
                sourceWidth = Math.max(sourceWidth, sourceLengths[index]);
                targetWidth = Math.max(targetWidth, targetLengths[index] + 1);
                sourceTokens += sourceLengths[index];
                targetTokens += targetLengths[index] + 1;
            }
            sourcePositions += (long) sourceWidth * batch.size();
            targetPositions += (long) targetWidth * batch.size();
        }
        return new PaddingReport(sourcePositions, sourcePositions - sourceTokens, targetPositions,
                targetPositions - targetTokens);
    }

    /** @return source padding / source positions, in {@code [0, 1)}; 0 without positions */
    public double sourceRatio() {
        return sourcePositions == 0 ? 0 : (double) sourcePadding / sourcePositions;
    }

    /** @return target padding / target positions, in {@code [0, 1)}; 0 without positions */
    public double targetRatio() {
        return targetPositions == 0 ? 0 : (double) targetPadding / targetPositions;
    }

    /** @return all padding / all positions, both sides together */
    public double ratio() {
        long positions = sourcePositions + targetPositions;
        return positions == 0 ? 0 : (double) (sourcePadding + targetPadding) / positions;
    }
}
