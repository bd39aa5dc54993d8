package org.seq2seq4j.data.batch;

/**
 * A batch order was asked for with invalid arguments: a batch size or chunk size below 1, or source and target length
 * arrays of different sizes. The message names the bad value and the valid range.
 */
public class BatchOrderException extends RuntimeException {

    /** @param message the bad value and the valid range */
    public BatchOrderException(String message) {
        super(message);
    }

    /** Checks the arguments every {@link BatchOrder} needs. */
    static void requireValid(int[] sourceLengths, int[] targetLengths, int batchSize) {
        if (batchSize < 1) {
            throw new BatchOrderException("batchSize must be at least 1, got " + batchSize);
        }
        if (sourceLengths.length != targetLengths.length) {
            throw new BatchOrderException("every example needs a source and a target length, got "
                    + sourceLengths.length + " source and " + targetLengths.length + " target lengths");
        }
    }
}
