package org.seq2seq4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.DecoderState;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * The invariants every architecture must keep, as assertions shared by the core tests and the extension modules'
 * tests (through the core test-jar). Use a DOUBLE model; ids are drawn from {@code [4, vocabulary)}.
 */
public final class ModelInvariants {

    private ModelInvariants() {
    }

    /** Each example of a padded batch gets the same output distributions as when run alone. */
    public static void paddingDoesNotChangeOutputs(Seq2SeqModel m, int vocabulary) {
        List<int[]> src = ToyBatches.sequences(4, 1, 7, vocabulary, 5);
        List<int[]> tgt = ToyBatches.sequences(4, 0, 6, vocabulary, 6);
        INDArray batched = m.probabilities(m.batches().batch(src, tgt));
        for (int i = 0; i < src.size(); i++) {
            INDArray alone = m.probabilities(m.batches().batch(List.of(src.get(i)), List.of(tgt.get(i))));
            long t = tgt.get(i).length + 1;
            INDArray fromBatch = batched.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.interval(0, t));
            INDArray single = alone.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.interval(0, t));
            assertTrue(fromBatch.equalsWithEps(single, 1e-10), "example " + i);
        }
    }

    /** Feeding the reference one token at a time through {@link Seq2SeqModel#step} gives the teacher-forced outputs. */
    public static void stepwiseDecodingEqualsTeacherForcedPass(Seq2SeqModel m, int vocabulary) {
        List<int[]> src = ToyBatches.sequences(3, 1, 6, vocabulary, 8);
        List<int[]> tgt = ToyBatches.sequences(3, 2, 5, vocabulary, 9);
        Batch batch = m.batches().batch(src, tgt);
        INDArray teacher = m.probabilities(batch);
        DecoderState state = m.start(m.encode(src));
        long steps = batch.targetInput().size(1);
        for (int t = 0; t < steps; t++) {
            int[] prev = batch.targetInput().getColumn(t).toIntVector();
            Seq2SeqModel.Step step = m.step(state, prev);
            state = step.state();
            for (int i = 0; i < src.size(); i++) {
                if (t > tgt.get(i).length) {
                    continue;
                }
                INDArray expected = teacher.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(t));
                INDArray actual = Transforms.exp(step.logProbabilities().getRow(i));
                assertTrue(expected.equalsWithEps(actual, 1e-10), "example " + i + " step " + t);
            }
        }
    }

    /** A model saved into {@code dir} and loaded back gives identical outputs; returns the loaded model. */
    public static Seq2SeqModel savedAndLoadedModelGivesIdenticalOutputs(Seq2SeqModel m, int vocabulary, Path dir) {
        m.save(dir);
        Seq2SeqModel loaded = Seq2SeqModel.load(dir);
        assertEquals(m.config(), loaded.config());
        assertEquals(m.symbols(), loaded.symbols());
        List<int[]> src = ToyBatches.sequences(3, 1, 6, vocabulary, 12);
        List<int[]> tgt = ToyBatches.sequences(3, 1, 5, vocabulary, 13);
        Batch b = m.batches().batch(src, tgt);
        assertEquals(m.probabilities(b), loaded.probabilities(b));
        int[] bos = {m.symbols().bos(), m.symbols().bos(), m.symbols().bos()};
        assertEquals(m.step(m.start(m.encode(src)), bos).logProbabilities(),
                loaded.step(loaded.start(loaded.encode(src)), bos).logProbabilities());
        return loaded;
    }
}
