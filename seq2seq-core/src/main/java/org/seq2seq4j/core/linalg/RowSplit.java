package org.seq2seq4j.core.linalg;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a loop over independent rows (the examples of a recurrent step, the rows of a softmax) on the backend's CPU
 * threads: the calling thread takes the last share and helper threads the others. These loops run between BLAS
 * calls, while the BLAS threads wait, so on 2 cores the second core is otherwise idle there. Rows are independent,
 * so the split does not change any result.
 */
public final class RowSplit {

    /** Below this many elements a step runs on the calling thread: a hand-over costs tens of microseconds. */
    public static final int MIN_ELEMENTS = 8192;

    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "seq2seq4j-rows");
        t.setDaemon(true);
        return t;
    });

    /** The loop body over rows {@code [from, to)}. */
    @FunctionalInterface
    public interface Rows {
        void run(int from, int to);
    }

    /** How many threads to split over: the backend's CPU threads, unless a test asks for others. */
    private static volatile IntSupplier threads = () -> Nd4j.getEnvironment().maxThreads();

    private RowSplit() {
    }

    /** Runs {@code work} with steps split over {@code n} threads (tests run ND4J with one). */
    public static void withThreads(int n, Runnable work) {
        IntSupplier before = threads;
        threads = () -> n;
        try {
            work.run();
        } finally {
            threads = before;
        }
    }

    /** Runs {@code body} over {@code [0, rows)}, split when the step has at least {@link #MIN_ELEMENTS} elements. */
    public static void run(int rows, int elementsPerRow, Rows body) {
        boolean small = (long) rows * elementsPerRow < MIN_ELEMENTS;
        runInParts(rows, small ? 1 : Math.min(rows, threads.getAsInt()), body);
    }

    /** Runs {@code body} over {@code [0, rows)} in {@code parts} shares of nearly equal size. */
    static void runInParts(int rows, int parts, Rows body) {
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        Future<?>[] helpers = new Future<?>[parts - 1];
        for (int k = 0; k < parts - 1; k++) {
            int from = rows * k / parts;
            int to = rows * (k + 1) / parts;
            helpers[k] = HELPERS.submit(() -> body.run(from, to));
        }
        body.run(rows * (parts - 1) / parts, rows);
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a split loop ran", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }
}
