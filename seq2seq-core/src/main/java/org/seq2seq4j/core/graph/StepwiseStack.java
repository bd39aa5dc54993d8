package org.seq2seq4j.core.graph;

import java.util.List;
import org.seq2seq4j.core.rnn.CellParams;
import org.seq2seq4j.core.rnn.RecurrentStack;

/**
 * A graph vertex that holds the decoder's recurrent stack, so that decoding can advance it one step at a time with
 * the vertex's own parameters ({@link RecurrentStack#step}). The plain decoder ({@link RecurrentStackVertexImpl}) is
 * one; an extension that runs attention inside the recurrence (input feeding) is another.
 */
public interface StepwiseStack {

    /** The computation. */
    RecurrentStack stack();

    /** Parameter views of the stack's cells, layer-major. */
    List<CellParams> cellParams();
}
