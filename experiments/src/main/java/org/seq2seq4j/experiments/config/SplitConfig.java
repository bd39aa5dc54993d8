package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.pair.CorpusSplit;

/**
 * How a corpus experiment's dev and test pairs are chosen: what {@code data.split} holds. A seeded split of the one
 * corpus by {@link CorpusSplit} (exact sizes, or fractions of the pairs left after length filtering), or separate
 * dev and test files. A seeded split has its own {@code seed}, not the experiment's, so that runs with different seeds
 * are scored on the same test set.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SplitConfig.Sizes.class, name = "sizes"),
        @JsonSubTypes.Type(value = SplitConfig.Fractions.class, name = "fractions"),
        @JsonSubTypes.Type(value = SplitConfig.Files.class, name = "files")})
public sealed interface SplitConfig {

    /**
     * Exactly {@code devSize} dev and {@code testSize} test pairs drawn from the length-filtered corpus by
     * {@link CorpusSplit} (grouped by source sentence, so no source is in two splits); the rest is training data.
     *
     * @param seed     the shuffle seed of the split
     * @param devSize  dev pairs, at least 1
     * @param testSize test pairs, at least 1
     */
    record Sizes(long seed, int devSize, int testSize) implements SplitConfig {
        public Sizes {
            ConfigException.atLeast("devSize", devSize, 1);
            ConfigException.atLeast("testSize", testSize, 1);
        }

        /** The split itself. */
        public CorpusSplit corpusSplit() {
            return new CorpusSplit(seed, devSize, testSize);
        }
    }

    /**
     * As {@link Sizes}, with the sizes given as fractions of the pairs left after length filtering, rounded to the
     * nearest integer.
     *
     * @param seed         the shuffle seed of the split
     * @param devFraction  share of the pairs for dev, in {@code (0, 1)}
     * @param testFraction share of the pairs for test, in {@code (0, 1)}; with {@code devFraction} below 1
     */
    record Fractions(long seed, double devFraction, double testFraction) implements SplitConfig {
        public Fractions {
            fraction("devFraction", devFraction);
            fraction("testFraction", testFraction);
            if (!(devFraction + testFraction < 1)) {
                throw ConfigException.invalid("testFraction", testFraction, "plus devFraction (" + devFraction
                        + ") must be below 1, or nothing is left to train on");
            }
        }

        private static void fraction(String key, double value) {
            if (!(value > 0 && value < 1)) {
                throw ConfigException.invalid(key, value, "must be a fraction in (0, 1)");
            }
        }

        /**
         * The split of {@code pairs} pairs.
         *
         * @throws ConfigException if a fraction gives no pair at all
         */
        public CorpusSplit corpusSplit(int pairs) {
            int dev = (int) Math.round(devFraction * pairs);
            int test = (int) Math.round(testFraction * pairs);
            if (dev < 1) {
                throw ConfigException.invalid("devFraction", devFraction, "gives no dev pair out of " + pairs
                        + " pairs left after length filtering; raise it or use split type \"sizes\"");
            }
            if (test < 1) {
                throw ConfigException.invalid("testFraction", testFraction, "gives no test pair out of " + pairs
                        + " pairs left after length filtering; raise it or use split type \"sizes\"");
            }
            return new CorpusSplit(seed, dev, test);
        }
    }

    /**
     * Dev and test pairs from their own files, used whole (the length filter applies to the training corpus only, so
     * the test set is scored as published); {@code data.format} is then the training corpus alone.
     *
     * @param dev  the dev corpus (layout, columns, bad-input policy)
     * @param test the test corpus
     */
    record Files(CorpusFormat dev, CorpusFormat test) implements SplitConfig {
    }
}
