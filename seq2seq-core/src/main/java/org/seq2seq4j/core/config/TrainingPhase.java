package org.seq2seq4j.core.config;

/**
 * A phase of training: from optimizer step {@code fromStep} on (until the next phase), the settings it holds. The
 * pointer-generator recipe (See et al. 2017) trains without the coverage loss first and switches it on for the last
 * steps: phases {@code [{"fromStep": 0, "coverageLossWeight": 0}, {"fromStep": N, "coverageLossWeight": 1}]}.
 *
 * @param fromStep           the first optimizer step (0-based, counted over all epochs) of the phase
 * @param coverageLossWeight the weight {@code λ} of the coverage loss in this phase (at least 0; models without
 *                           coverage have no coverage loss)
 */
public record TrainingPhase(long fromStep, double coverageLossWeight) {

    public TrainingPhase {
        if (fromStep < 0) {
            throw ConfigException.invalid("fromStep", fromStep, "must be at least 0");
        }
        if (!(coverageLossWeight >= 0) || Double.isInfinite(coverageLossWeight)) {
            throw ConfigException.invalid("coverageLossWeight", coverageLossWeight,
                    "must be a finite number of at least 0");
        }
    }
}
