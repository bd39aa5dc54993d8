package org.seq2seq4j.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.model.Seq2SeqGraph;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.testing.TinyModels;

/** The embedding lookup gives the table's rows, laid out {@code [B, D, T]}, and refuses ids outside the table. */
class EmbeddingVertexTest {

    private static final int VOCAB = 12;

    private static EmbeddingVertexImpl embedding(DataType type) {
        Seq2SeqModel model = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, VOCAB, VOCAB, 5, type);
        return (EmbeddingVertexImpl) model.graph().getVertex(Seq2SeqGraph.TARGET_EMBEDDED);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void sequencesAreTheTableRowsAlongTime(DataType type) {
        EmbeddingVertexImpl e = embedding(type);
        int[][] ids = {{4, 0, 11}, {7, 7, 2}};
        INDArray out = e.embed(Nd4j.createFromArray(ids));
        long d = e.table().size(1);
        assertArrayEquals(new long[]{2, d, 3}, out.shape());
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(e.table().getDouble(ids[b][t], j), out.getDouble(b, j, t), 0.0,
                            "row " + b + ", step " + t + ", feature " + j);
                }
            }
        }
        assertTrue(e.table().getRow(4).neq(e.table().getRow(7)).any(), "distinct rows make the check meaningful");
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void decodingStepRowsEqualTheSequenceLookup(DataType type) {
        EmbeddingVertexImpl e = embedding(type);
        int[] ids = {3, 9, 0, 9};
        INDArray rows = e.embedRows(ids);
        assertArrayEquals(new long[]{ids.length, e.table().size(1)}, rows.shape());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(e.table().getRow(ids[i]), rows.getRow(i), "row " + i);
        }
        INDArray seq = e.embed(Nd4j.createFromArray(new int[][]{{3}, {9}, {0}, {9}}));
        assertEquals(seq.reshape('c', 4, seq.size(1)), rows);
    }

    @Test
    void idOutsideTheVocabularyIsRefused() {
        EmbeddingVertexImpl e = embedding(DataType.FLOAT);
        var ex = assertThrows(IllegalArgumentException.class, () -> e.embedRows(new int[]{1, VOCAB}));
        assertTrue(ex.getMessage().contains("token id " + VOCAB), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.embed(Nd4j.createFromArray(new int[][]{{-1}})));
    }
}
