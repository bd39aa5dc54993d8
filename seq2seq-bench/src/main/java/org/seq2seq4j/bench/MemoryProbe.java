package org.seq2seq4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.runtime.Backend;
import org.seq2seq4j.core.train.TrainingStep;

/**
 * Memory of a long training run on the reference configuration: after every {@code --every} steps, the heap in use
 * after a full collection, and the off-heap memory ND4J holds through JavaCPP (physical bytes of the process and
 * JavaCPP's tracked total). Prints one line per sample and, at the end, the peaks and the growth between the first
 * and the second half of the run (what a leak would show).
 *
 * <pre>
 *   java -Xmx2g -cp seq2seq-bench/target/benchmarks.jar org.seq2seq4j.bench.MemoryProbe [--steps 300] [--every 25]
 *       [--attention none|dot] [--bidirectional] [--threads 2]
 * </pre>
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) {
        int steps = 300;
        int every = 25;
        int threads = 2;
        AttentionType attention = AttentionType.NONE;
        boolean bidirectional = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--attention" -> attention = AttentionType.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--bidirectional" -> bidirectional = true;
                default -> {
                    System.err.println("error: unknown option " + args[i] + "\nusage: MemoryProbe [--steps N] "
                            + "[--every N] [--attention none|dot|general|additive] [--bidirectional] [--threads N]");
                    System.exit(2);
                }
            }
        }
        Backend.require(threads);
        ModelConfig config = Seq2SeqWorkload.modelConfig(attention, bidirectional, 256, 256);
        Seq2SeqModel model = Seq2SeqModel.create(config, Seq2SeqWorkload.SYMBOLS, 8000, 8000, Seq2SeqWorkload.SEED,
                DataType.FLOAT);
        List<int[]> src = Seq2SeqWorkload.sequences(64, 20, 8000, Seq2SeqWorkload.SEED + 1);
        List<int[]> tgt = Seq2SeqWorkload.sequences(64, 19, 8000, Seq2SeqWorkload.SEED + 2);
        Batch batch = model.batches().batch(src, tgt);
        TrainingStep step = TrainingStep.create(model,
                Seq2SeqWorkload.trainingConfig(64, new GradientClipping.Norm(5.0)));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] heap = new long[steps / every + 1];
        long[] physical = new long[heap.length];
        long peakHeap = 0;
        long peakPhysical = 0;
        System.out.println("step\theap_after_gc_mb\tphysical_mb\tjavacpp_total_mb\tseconds_per_step");
        long t0 = System.nanoTime();
        int samples = 0;
        for (int s = 1; s <= steps; s++) {
            step.run(batch, 1e-3, s);
            peakPhysical = Math.max(peakPhysical, Pointer.physicalBytes());
            if (s % every == 0) {
                System.gc();
                heap[samples] = memory.getHeapMemoryUsage().getUsed();
                physical[samples] = Pointer.physicalBytes();
                peakHeap = Math.max(peakHeap, heap[samples]);
                peakPhysical = Math.max(peakPhysical, physical[samples]);
                System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f\t%.1f\t%.3f%n", s, mb(heap[samples]),
                        mb(physical[samples]), mb(Pointer.totalBytes()), (System.nanoTime() - t0) / 1e9 / s);
                samples++;
            }
        }
        int half = samples / 2;
        System.out.printf(Locale.ROOT, "peak heap after GC %.1f MB; peak physical (resident) %.1f MB; mean physical "
                        + "%.1f MB in the first half of the samples and %.1f MB in the second (%+.1f MB)%n", mb(peakHeap),
                mb(peakPhysical), mb(mean(physical, 0, half)), mb(mean(physical, half, samples)),
                mb(mean(physical, half, samples) - mean(physical, 0, half)));
    }

    private static double mean(long[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    private static double mb(double bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
