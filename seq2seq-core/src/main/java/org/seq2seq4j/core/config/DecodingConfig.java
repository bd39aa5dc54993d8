package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How outputs are produced at evaluation and translation time: what {@code decoding} in an experiment file holds.
 *
 * @param strategy  the search
 * @param maxLength maximum number of output tokens (not counting end-of-sequence)
 * @param batchSize sentences decoded together
 */
public record DecodingConfig(Strategy strategy, int maxLength, int batchSize) {

    public DecodingConfig {
        ConfigException.atLeast("maxLength", maxLength, 1);
        ConfigException.atLeast("batchSize", batchSize, 1);
        if (strategy instanceof Beam b && b.minLength() > maxLength) {
            throw ConfigException.invalid("strategy.minLength", b.minLength(),
                    "must be at most maxLength (" + maxLength + "): no output could end");
        }
    }

    /** The search strategy. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Greedy.class, name = "greedy"),
            @JsonSubTypes.Type(value = Beam.class, name = "beam")})
    public sealed interface Strategy {
    }

    /** The most probable token at every step, carrying the decoder state. */
    public record Greedy() implements Strategy {
    }

    /**
     * Beam search (Sutskever et al. 2014; length normalisation of Wu et al. 2016, eq. 14): the {@code beamSize} best
     * partial outputs are kept at every step, and the {@code nBest} best finished outputs are returned.
     *
     * @param beamSize      partial outputs kept per source, at least 1 (1 is greedy decoding)
     * @param nBest         finished outputs returned per source, in {@code [1, beamSize]}
     * @param lengthPenalty the GNMT exponent {@code alpha} (at least 0; 0 ranks by raw log-probability)
     * @param minLength     end-of-sequence is forbidden before this many output tokens (at least 0)
     * @param coveragePenalty the GNMT coverage penalty weight {@code beta} (Wu et al. 2016, eq. 14; at least 0; 0 for
     *                        none): finished outputs score {@code log P / lp + beta Σ_i log(min(Σ_t a_ti, 1))};
     *                        needs attention
     */
    public record Beam(int beamSize, int nBest, double lengthPenalty, int minLength, double coveragePenalty)
            implements Strategy {

        /** Beam search without a coverage penalty. */
        public Beam(int beamSize, int nBest, double lengthPenalty, int minLength) {
            this(beamSize, nBest, lengthPenalty, minLength, 0.0);
        }

        public Beam {
            if (!(coveragePenalty >= 0) || Double.isInfinite(coveragePenalty)) {
                throw ConfigException.invalid("coveragePenalty", coveragePenalty,
                        "must be a finite number of at least 0");
            }
            ConfigException.atLeast("beamSize", beamSize, 1);
            ConfigException.atLeast("nBest", nBest, 1);
            if (nBest > beamSize) {
                throw ConfigException.invalid("nBest", nBest, "must be at most beamSize (" + beamSize + ")");
            }
            if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
                throw ConfigException.invalid("lengthPenalty", lengthPenalty, "must be a finite number of at least 0");
            }
            ConfigException.atLeast("minLength", minLength, 0);
        }
    }
}
