package org.seq2seq4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.config.AttentionType;

class TrainingFlopsTest {

    @Test
    void referenceConfigurationIsAbout24GflopPerStep() {
        var plain = Seq2SeqWorkload.modelConfig(AttentionType.NONE, false, 256, 256);
        double flops = TrainingFlops.trainingStep(plain, 8000, 64, 20, 20);
        // encoder and decoder: 2 (256*1024 + 256*1024) per token; output layer 2*256*8000 per target token
        double forward = 1280 * 2.0 * (256 * 1024 + 256 * 1024) * 2 + 1280 * 2.0 * 256 * 8000;
        assertEquals(3 * forward, flops, 1e-6 * flops);
        assertEquals(23.8e9, flops, 0.1e9);
    }

    @Test
    void aBidirectionalEncoderHasHalfTheRecurrentWorkPerDirectionAndAttentionAddsItsProducts() {
        var plain = Seq2SeqWorkload.modelConfig(AttentionType.NONE, false, 256, 256);
        var bidirectional = Seq2SeqWorkload.modelConfig(AttentionType.NONE, true, 256, 256);
        var dot = Seq2SeqWorkload.modelConfig(AttentionType.DOT, true, 256, 256);
        double p = TrainingFlops.forward(plain, 8000, 64, 20, 20);
        double b = TrainingFlops.forward(bidirectional, 8000, 64, 20, 20);
        double d = TrainingFlops.forward(dot, 8000, 64, 20, 20);
        assertTrue(b < p, "two directions of 128 need fewer products than one of 256");
        assertEquals(1280 * (2.0 * 20 * 256 * 2 + 2.0 * 512 * 256), d - b, 1e-6 * d);
    }
}
