package org.seq2seq4j.bench;

import org.seq2seq4j.core.config.ModelConfig;

/**
 * The floating-point operations of one training step of an LSTM encoder–decoder, counted from its matrix products (2
 * operations per multiply–add; element-wise work is left out): the encoder and decoder input and recurrent products,
 * the attention's scores, context and output projection, and the output layer; the backward pass is counted as twice
 * the forward pass, the usual estimate for products (two products per product: one for the input, one for the
 * weights). For the reference configuration (vocabulary 8000, 256/256, batch 64, lengths 20, no attention) it is
 * about 23.8 GFLOP, 5.2 of them per pass in the output layer.
 */
public final class TrainingFlops {

    private TrainingFlops() {
    }

    /** Forward-pass operations of a batch. */
    public static double forward(ModelConfig m, int vocabulary, int batch, int sourceLength, int targetLength) {
        long e = m.embeddingSize();
        long h = m.hiddenSize();
        int dirs = m.bidirectional() ? 2 : 1;
        long hd = h / dirs;
        double encoder = 0;
        for (int l = 0; l < m.encoderLayers(); l++) {
            long in = l == 0 ? e : h;
            encoder += dirs * 2.0 * (in * 4 * hd + hd * 4 * hd);
        }
        encoder *= (double) batch * sourceLength;
        double decoder = 0;
        for (int l = 0; l < m.decoderLayers(); l++) {
            long in = l == 0 ? e + (m.feedContext() ? h : 0) + (m.inputFeeding() ? h : 0) : h;
            decoder += 2.0 * (in * 4 * h + h * 4 * h);
        }
        double attention = switch (m.attention()) {
            case NONE -> 0;
            case DOT -> 2.0 * sourceLength * h * 2 + 2.0 * 2 * h * h;
            case GENERAL -> 2.0 * sourceLength * h * 2 + 2.0 * 2 * h * h + 2.0 * h * h;
            case ADDITIVE -> 2.0 * sourceLength * h * 2 + 2.0 * 2 * h * h + 2.0 * h * h + 2.0 * sourceLength * h * h
                    / targetLength + 2.0 * sourceLength * h;
        };
        double output = 2.0 * h * vocabulary;
        return encoder + (decoder + attention + output) * batch * targetLength;
    }

    /** Operations of a training step: forward plus a backward pass of twice the forward pass. */
    public static double trainingStep(ModelConfig m, int vocabulary, int batch, int sourceLength, int targetLength) {
        return 3 * forward(m, vocabulary, batch, sourceLength, targetLength);
    }
}
