package org.seq2seq4j.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.ModelInvariants;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;

/** Invariants of the assembled model: masking, step-wise decoding, save/load, shapes. */
class Seq2SeqModelTest {

    private static final int VOCAB = 12;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false)),
                Arguments.of(TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false, true)),
                Arguments.of(TinyModels.of(CellType.LSTM, true, 2, DecoderInit.ZERO, true, true, false)),
                Arguments.of(TinyModels.of(CellType.GRU, false, 1, DecoderInit.LAST, true, true, true)));
    }

    private static Seq2SeqModel model(ModelConfig c) {
        return Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, VOCAB, 11, DataType.DOUBLE);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void paddingDoesNotChangeOutputs(ModelConfig c) {
        ModelInvariants.paddingDoesNotChangeOutputs(model(c), VOCAB);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void stepwiseDecodingEqualsTeacherForcedPass(ModelConfig c) {
        ModelInvariants.stepwiseDecodingEqualsTeacherForcedPass(model(c), VOCAB);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void savedAndLoadedModelGivesIdenticalOutputs(ModelConfig c, @TempDir Path dir) {
        ModelInvariants.savedAndLoadedModelGivesIdenticalOutputs(model(c), VOCAB, dir);
    }

    /** Saves {@code m} into {@code dir} as a file of format {@code schema} without the given config keys. */
    private static void saveAsFormat(Seq2SeqModel m, Path dir, int schema, String... removedConfigKeys)
            throws java.io.IOException {
        m.save(dir);
        Path meta = dir.resolve("model.json");
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) org.seq2seq4j.core.io.Json.mapper()
                .readTree(meta.toFile());
        node.put("schema", schema);
        for (String key : removedConfigKeys) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("config")).remove(key);
        }
        org.seq2seq4j.core.io.Json.mapper().writeValue(meta.toFile(), node);
    }

    @Test
    void modelWrittenBeforeAttentionExistedLoadsWithoutAttention(@TempDir Path dir) throws java.io.IOException {
        Seq2SeqModel m = model(TinyModels.base());
        saveAsFormat(m, dir, 1, "attention", "inputFeeding");
        Seq2SeqModel loaded = Seq2SeqModel.load(dir);
        assertEquals(AttentionType.NONE, loaded.config().attention());
        assertEquals(m.config(), loaded.config());
    }

    @Test
    void modelWrittenBeforeInputFeedingExistedLoadsWithoutIt(@TempDir Path dir) throws java.io.IOException {
        Seq2SeqModel m = model(TinyModels.base());
        saveAsFormat(m, dir, 2, "inputFeeding");
        Seq2SeqModel loaded = Seq2SeqModel.load(dir);
        assertFalse(loaded.config().inputFeeding());
        assertEquals(m.config(), loaded.config());
    }

    @Test
    void modelFromANewerFormatIsRejectedWithItsVersion(@TempDir Path dir) throws java.io.IOException {
        saveAsFormat(model(TinyModels.base()), dir, Seq2SeqModel.SCHEMA + 1);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Seq2SeqModel.load(dir));
        assertTrue(e.getMessage().contains("model format " + (Seq2SeqModel.SCHEMA + 1)), e.getMessage());
    }

    @Test
    void sameSeedGivesSameParametersAndDifferentSeedDoesNot() {
        ModelConfig c = TinyModels.base();
        INDArray a = Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, VOCAB, 3, DataType.FLOAT).graph().params();
        INDArray b = Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, VOCAB, 3, DataType.FLOAT).graph().params();
        INDArray d = Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, VOCAB, 4, DataType.FLOAT).graph().params();
        assertEquals(a, b);
        assertTrue(!a.equals(d));
    }

    @Test
    void parameterCountIncludesVertexParameters() {
        Seq2SeqModel m = model(TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false, false));
        long vertices = 0;
        for (var v : m.graph().getVertices()) {
            vertices += v.numParams();
        }
        assertEquals(vertices, m.parameterCount());
        assertEquals(m.graph().params().length(), m.parameterCount());
        // the DL4J defect this works around: ComputationGraph.numParams() counts layers only
        assertTrue(m.graph().numParams() < m.parameterCount(), "if DL4J counts vertices now, drop the workaround");
    }

    @Test
    void gruBidirectionalShapes() {
        ModelConfig c = new ModelConfig(CellType.GRU, 5, 10, 2, 3, true, false, false, DecoderInit.BRIDGE, true,
                AttentionType.NONE, false, 0, 0);
        Seq2SeqModel m = Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, 9, 1, DataType.FLOAT);
        List<int[]> src = ToyBatches.sequences(4, 2, 7, VOCAB, 1);
        List<int[]> tgt = ToyBatches.sequences(4, 1, 3, 9, 2);
        Batch b = m.batches().batch(src, tgt);
        long steps = tgt.stream().mapToInt(t -> t.length).max().orElseThrow() + 1;
        assertArrayEquals(new long[]{4, 9, steps}, m.probabilities(b).shape());
        EncodedSource e = m.encode(src);
        long sourceSteps = src.stream().mapToInt(x -> x.length).max().orElseThrow();
        assertArrayEquals(new long[]{4, 10, sourceSteps}, e.states().shape());
        assertArrayEquals(new long[]{4, 10}, e.finalState().shape());
        DecoderState s = m.start(e);
        assertEquals(3, s.layers().length);
        assertEquals(1, s.layers()[0].length, "a GRU layer has one state array");
        assertArrayEquals(new long[]{4, 9}, m.step(s, new int[]{1, 1, 1, 1}).logProbabilities().shape());
        // GRU parameters: per layer and direction W, U, b and the recurrent candidate bias
        long h = 5;
        long encoder = (5 * 3 * h + h * 3 * h + 3 * h + h) * 2 + (10 * 3 * h + h * 3 * h + 3 * h + h) * 2;
        assertEquals(encoder, m.graph().getVertex(Seq2SeqGraph.ENCODER).numParams());
    }

    @Test
    void bidirectionalSummaryHasReadTheWholeSourceInBothHalves() {
        ModelConfig c = TinyModels.of(CellType.LSTM, true, 1, DecoderInit.LAST, false, false, false);
        Seq2SeqModel m = model(c);
        int[] a = {4, 5, 6, 7};
        int[] changedFirst = {9, 5, 6, 7};
        int[] changedLast = {4, 5, 6, 9};
        INDArray base = m.encode(List.of(a)).finalState();
        INDArray first = m.encode(List.of(changedFirst)).finalState();
        INDArray last = m.encode(List.of(changedLast)).finalState();
        // each half must react to a change at either end of the sentence
        for (INDArray other : List.of(first, last)) {
            assertTrue(!base.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4))
                    .equalsWithEps(other.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)), 1e-12));
            assertTrue(!base.get(NDArrayIndex.all(), NDArrayIndex.interval(4, 8))
                    .equalsWithEps(other.get(NDArrayIndex.all(), NDArrayIndex.interval(4, 8)), 1e-12));
        }
    }

    @Test
    void sourceReversalFeedsTheEncoderTheReversedSentence() {
        ModelConfig plain = TinyModels.base();
        ModelConfig reversed = new ModelConfig(CellType.LSTM, 6, 8, 1, 1, false, true, false, DecoderInit.LAST,
                false, AttentionType.NONE, false, 0, 0);
        Seq2SeqModel p = model(plain);
        Seq2SeqModel r = new Seq2SeqModel(reversed, p.graph(), p.symbols(), VOCAB, VOCAB);
        assertEquals(p.encode(List.<int[]>of(new int[]{7, 6, 5, 4})).finalState(),
                r.encode(List.<int[]>of(new int[]{4, 5, 6, 7})).finalState());
    }

    /**
     * The DL4J defect {@link Seq2SeqModel#encode} works around: asking for a subset of vertices leaves a workspace
     * open when a computed vertex's consumer is not computed. If this test fails, DL4J has fixed it and encode may
     * ask for the encoder vertices only.
     */
    @Test
    void dl4jSubsetOutputLeavesAWorkspaceOpen() {
        Seq2SeqModel m = model(TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false, false));
        INDArray[] src = m.batches().sources(List.<int[]>of(new int[]{4, 5}));
        INDArray tgt = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 1, 1);
        try {
            assertThrows(org.nd4j.linalg.workspace.ND4JWorkspaceException.class, () -> m.graph().output(
                    List.of(Seq2SeqGraph.ENCODER, Seq2SeqGraph.ENCODER_FINAL, Seq2SeqGraph.BRIDGE), false,
                    new INDArray[]{src[0], tgt}, new INDArray[]{src[1], tgt}));
        } finally {
            org.nd4j.linalg.factory.Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    @Test
    void attentionWithoutTheAttentionModuleIsAConfigError() {
        ModelConfig c = TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false,
                AttentionType.DOT);
        var e = assertThrows(org.seq2seq4j.core.config.ConfigException.class,
                () -> Seq2SeqGraph.configuration(c, VOCAB, VOCAB, 1, DataType.FLOAT));
        assertEquals("attention", e.path());
        assertTrue(e.getMessage().contains("seq2seq-attention"), e.getMessage());
    }

    @Test
    void zeroInitWithoutContextNeedsAttention() {
        var e = assertThrows(org.seq2seq4j.core.config.ConfigException.class,
                () -> TinyModels.of(CellType.LSTM, false, 1, DecoderInit.ZERO, false, false, false));
        assertEquals("decoderInit", e.path());
        TinyModels.of(CellType.LSTM, false, 1, DecoderInit.ZERO, false, false, false, AttentionType.DOT);
    }

    @Test
    void outOfVocabularyIdIsRejectedWithItsValue() {
        Seq2SeqModel m = model(TinyModels.base());
        var e = assertThrows(IllegalArgumentException.class, () -> m.encode(List.<int[]>of(new int[]{4, 99})));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }
}
