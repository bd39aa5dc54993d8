package org.seq2seq4j.experiments.ablation;

/** An ablation that cannot run as asked, for example because a run directory holds a run of another config. */
public final class AblationException extends RuntimeException {

    public AblationException(String message) {
        super(message);
    }
}
