package org.seq2seq4j.experiments.config;

import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.config.LearningRateSchedule;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.config.TrainingPhase;
import org.seq2seq4j.data.pair.Split;
import org.seq2seq4j.data.text.TokenizerType;
import org.seq2seq4j.data.toy.NamesTask;
import org.seq2seq4j.data.toy.NumberWordsTask;
import org.seq2seq4j.data.toy.ToyDatasets;
import org.seq2seq4j.data.toy.ToyTask;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules between keys of different records, checked once a config has been bound (each record checks its own keys
 * in its compact constructor). A violation is a {@link ConfigException} at the key a user would change:
 * <ul>
 *   <li>{@code data.tokenizer} must split text into the task's tokens: {@code number_words} and {@code names} have
 *       whole words as tokens, so they need {@code whitespace} ({@code char} would split "five" into letters and
 *       join the output words without spaces);</li>
 *   <li>{@code data.trainSize + devSize + testSize} must not exceed the share of the task's distinct sources that
 *       {@link ToyDatasets} can draw without repeats, checked here so the run fails before any work (for a task with
 *       a separate held-out pool, {@code trainSize} against the training pool and {@code devSize + testSize}
 *       against the held-out pool);</li>
 *   <li>{@code data.vocabulary.shared} must be on with {@code model.sharedEmbeddings} and with {@code model.copy} for
 *       a corpus (a toy task then always builds one vocabulary);</li>
 *   <li>{@code training.earlyStopping.patience} must exceed the plateau schedule's {@code patience} when both are on,
 *       or training stops before the learning rate is ever lowered;</li>
 *   <li>{@code decoding.strategy.coveragePenalty} above 0 needs {@code model.attention}: the penalty (Wu et al. 2016,
 *       eq. 14) sums attention weights;</li>
 *   <li>with a toy task, every {@code training.phases} entry must start before the last optimizer step
 *       ({@code epochs × ceil(trainSize / batchSize)} steps), or it would never take effect.</li>
 * </ul>
 * A {@code training.phases} weight above 0 without {@code model.coverage} is not an error but a logged warning: the
 * weight is ignored, so that one base config with the late-loss phases serves both arms of a coverage ablation.
 */
final class ConfigRules {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigRules.class);

    private ConfigRules() {
    }

    /** @throws ConfigException at the first rule {@code config} breaks */
    static void check(ExperimentConfig config) {
        if (config.data() instanceof DataConfig.Toy toy) {
            tokenizerSplitsTaskTokens(toy);
            sizesFitTask(toy);
        }
        if (config.data() instanceof DataConfig.Corpus corpus) {
            sharedEmbeddingsHaveOneVocabulary(corpus, config.model().sharedEmbeddings());
            copyHasOneVocabulary(corpus, config.model().copy());
        }
        earlyStoppingOutlastsPlateau(config.training());
        coveragePenaltyHasAttention(config.decoding(), config.model());
        warnOfIgnoredCoverageLossWeights(config.training(), config.model());
        if (config.data() instanceof DataConfig.Toy toy) {
            phasesStartWithinTraining(config.training(), toy);
        }
    }

    private static void tokenizerSplitsTaskTokens(DataConfig.Toy toy) {
        String wordTask = toy.task() instanceof NumberWordsTask ? "number_words has whole English words"
                : toy.task() instanceof NamesTask ? "names has whole words" : null;
        if (wordTask != null && toy.tokenizer() == TokenizerType.CHAR) {
            throw new ConfigException("data.tokenizer", "char",
                    "splits text into characters, but task " + wordTask + " as tokens", List.of("whitespace"));
        }
    }

    private static void sizesFitTask(DataConfig.Toy toy) {
        ToyTask task = toy.task();
        if (task.separateHeldOutPool()) {
            sizesFitPool(task, Split.TRAIN, "data.trainSize", toy.trainSize(), toy.trainSize(), "");
            sizesFitPool(task, Split.TEST, "data.devSize", toy.devSize(), (long) toy.devSize() + toy.testSize(),
                    "with testSize " + toy.testSize() + " ");
            return;
        }
        long requested = (long) toy.trainSize() + toy.devSize() + toy.testSize();
        long available = task.distinctSources();
        long allowed = ToyDatasets.maxExamples(task);
        if (requested > allowed) {
            throw ConfigException.invalid("data.trainSize", toy.trainSize(), "with devSize " + toy.devSize()
                    + " and testSize " + toy.testSize() + " asks for " + requested + " distinct examples, but the "
                    + "task (" + task.describe() + ") has " + available + " distinct sources, of which at most "
                    + allowed + " (" + ToyDatasets.MAX_SPACE_PERCENT + "%) can be drawn without repeats: lower the "
                    + "sizes or widen the task");
        }
    }

    private static void sizesFitPool(ToyTask task, Split pool, String path, int value, long requested,
                                     String with) {
        long allowed = ToyDatasets.maxExamples(task, pool);
        if (requested > allowed) {
            String name = pool == Split.TRAIN ? "training" : "held-out (dev and test)";
            throw ConfigException.invalid(path, value, with + "asks for " + requested + " distinct " + name
                    + " examples, but the task (" + task.describe() + ") has " + task.distinctSources(pool)
                    + " distinct " + name + " sources, of which at most " + allowed + " ("
                    + ToyDatasets.MAX_SPACE_PERCENT + "%) can be drawn without repeats: lower the sizes or widen the "
                    + "task");
        }
    }

    private static void sharedEmbeddingsHaveOneVocabulary(DataConfig.Corpus corpus, boolean sharedEmbeddings) {
        if (sharedEmbeddings && !corpus.vocabulary().shared()) {
            throw new ConfigException("data.vocabulary.shared", false, "must be true with model.sharedEmbeddings, "
                    + "which embeds source and target tokens with one table over one vocabulary", List.of("true"));
        }
    }

    private static void copyHasOneVocabulary(DataConfig.Corpus corpus, boolean copy) {
        if (copy && !corpus.vocabulary().shared()) {
            throw new ConfigException("data.vocabulary.shared", false, "must be true with model.copy: copy needs one "
                    + "vocabulary shared by source and target, because a copied source token is output under its "
                    + "source id, which must mean the same token on the target side", List.of("true"));
        }
    }

    private static void earlyStoppingOutlastsPlateau(TrainingConfig training) {
        if (training.earlyStopping().enabled()
                && training.schedule() instanceof LearningRateSchedule.Plateau plateau
                && training.earlyStopping().patience() <= plateau.patience()) {
            throw ConfigException.invalid("training.earlyStopping.patience", training.earlyStopping().patience(),
                    "must be greater than training.schedule.patience (" + plateau.patience() + "), or training "
                            + "stops before the plateau schedule ever lowers the learning rate; raise it, or set "
                            + "training.earlyStopping.enabled to false");
        }
    }

    private static void coveragePenaltyHasAttention(DecodingConfig decoding, ModelConfig model) {
        if (decoding.strategy() instanceof DecodingConfig.Beam beam && beam.coveragePenalty() > 0
                && model.attention() == AttentionType.NONE) {
            throw ConfigException.invalid("decoding.strategy.coveragePenalty", beam.coveragePenalty(),
                    "needs attention: the coverage penalty sums each source position's attention weights over the "
                            + "output, but model.attention is \"none\"; set model.attention to dot, general or "
                            + "additive, or coveragePenalty to 0");
        }
    }

    private static void warnOfIgnoredCoverageLossWeights(TrainingConfig training, ModelConfig model) {
        if (model.coverage()) {
            return;
        }
        List<TrainingPhase> phases = training.phases();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).coverageLossWeight() > 0) {
                LOG.warn("training.phases[{}].coverageLossWeight is {}, but model.coverage is false: there is no "
                        + "coverage loss, so the weight is ignored", i, phases.get(i).coverageLossWeight());
                return;
            }
        }
    }

    private static void phasesStartWithinTraining(TrainingConfig training, DataConfig.Toy toy) {
        long batchesPerEpoch = (toy.trainSize() + (long) training.batchSize() - 1) / training.batchSize();
        long steps = batchesPerEpoch * training.epochs();
        List<TrainingPhase> phases = training.phases();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).fromStep() >= steps) {
                throw ConfigException.invalid("training.phases[" + i + "].fromStep", phases.get(i).fromStep(),
                        "is not before the end of training: training.epochs " + training.epochs() + " of "
                                + batchesPerEpoch + " batches (data.trainSize " + toy.trainSize()
                                + ", training.batchSize " + training.batchSize() + ") take steps 0 to " + (steps - 1)
                                + ", so this phase would never start; lower fromStep or train for longer");
            }
        }
    }
}
