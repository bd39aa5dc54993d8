package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.batch.BatchOrder;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.pair.LengthFilter;
import org.seq2seq4j.data.text.PunctuationSpacing;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.data.text.TokenizerType;
import org.seq2seq4j.data.text.WordTokenizer;
import org.seq2seq4j.data.toy.ToyTask;

import java.util.List;

/** Where an experiment's examples come from: what {@code data} in an experiment file holds. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DataConfig.Toy.class, name = "toy"),
        @JsonSubTypes.Type(value = DataConfig.Corpus.class, name = "corpus")})
public sealed interface DataConfig {

    /** How raw source text (a corpus's sources, the input of {@code translate}) is split into tokens. */
    Tokenizer sourceTokenizer();

    /** How raw target text is split into tokens, and how model outputs are joined back into text. */
    Tokenizer targetTokenizer();

    /**
     * A generated toy task with disjoint train/dev/test splits, deterministic by the experiment's seed.
     *
     * @param task         the task and its parameters
     * @param trainSize    training examples
     * @param devSize      validation examples (model selection, early stopping)
     * @param testSize     held-out test examples (final scores, predictions)
     * @param tokenizer    how raw input text is tokenized for {@code translate}
     * @param minFrequency the fewest training occurrences a token needs to get its own id (counted over both sides
     *                     when one vocabulary is shared); rarer tokens become {@code <unk>}, except that a copy
     *                     model ({@code model.copy}) can still copy those in its source
     */
    record Toy(ToyTask task, int trainSize, int devSize, int testSize, TokenizerType tokenizer, int minFrequency)
            implements DataConfig {
        public Toy {
            ConfigException.atLeast("trainSize", trainSize, 1);
            ConfigException.atLeast("devSize", devSize, 1);
            ConfigException.atLeast("testSize", testSize, 1);
            ConfigException.atLeast("minFrequency", minFrequency, 1);
        }

        @Override
        public Tokenizer sourceTokenizer() {
            return tokenizer.create();
        }

        @Override
        public Tokenizer targetTokenizer() {
            return tokenizer.create();
        }
    }

    /**
     * A parallel corpus read from files: read in one streaming pass, tokenized, filtered by length, split into
     * train/dev/test (seeded, or from separate files), with vocabularies built from the training split.
     *
     * <p>Relative file names in {@link #format()} (and in {@link SplitConfig.Files}) are resolved against the working
     * directory, like {@code outputDir}; the direction of translation is chosen by the format's source and target
     * columns (or files), so one Tatoeba file serves English→French and French→English.
     *
     * @param format        where the corpus is, its layout, which columns are source and target, and the bad-input
     *                      policy
     * @param tokenizer     how both sides are split into tokens
     * @param lowercase     lowercase every token (word tokenizer only); BLEU and chrF are then case-insensitive
     * @param targetSpacing how the word tokenizer joins output tokens into text ({@code french} puts a space before
     *                      {@code ! ? ; :}); word tokenizer only
     * @param lengthFilter  the token lengths kept (applied before a seeded split, to the training file otherwise)
     * @param split         how dev and test pairs are chosen
     * @param vocabulary    vocabulary size limits, shared or separate
     * @param batches       the order of training batches, shuffled or length-bucketed
     */
    record Corpus(CorpusFormat format, TokenizerType tokenizer, boolean lowercase, PunctuationSpacing targetSpacing,
                  LengthFilter lengthFilter, SplitConfig split, VocabularyConfig vocabulary, BatchOrder batches)
            implements DataConfig {
        public Corpus {
            if (format == null) {
                throw ConfigException.invalid("format", null, "is required: the corpus file(s) and their layout");
            }
            if (tokenizer != TokenizerType.WORD && lowercase) {
                throw new ConfigException("lowercase", true, "is an option of the word tokenizer only (tokenizer is \""
                        + JsonNames.enumNames(TokenizerType.class).get(tokenizer.ordinal()) + "\"); lowercase the "
                        + "corpus beforehand or use tokenizer \"word\"", List.of("false"));
            }
            if (tokenizer != TokenizerType.WORD && targetSpacing != PunctuationSpacing.ENGLISH) {
                throw new ConfigException("targetSpacing", JsonNames.enumNames(PunctuationSpacing.class)
                        .get(targetSpacing.ordinal()), "spaces punctuation for the word tokenizer only (tokenizer is \""
                        + JsonNames.enumNames(TokenizerType.class).get(tokenizer.ordinal()) + "\")",
                        List.of("english"));
            }
        }

        @Override
        public Tokenizer sourceTokenizer() {
            return tokenizer == TokenizerType.WORD ? new WordTokenizer(lowercase, PunctuationSpacing.ENGLISH)
                    : tokenizer.create();
        }

        @Override
        public Tokenizer targetTokenizer() {
            return tokenizer == TokenizerType.WORD ? new WordTokenizer(lowercase, targetSpacing) : tokenizer.create();
        }
    }
}
