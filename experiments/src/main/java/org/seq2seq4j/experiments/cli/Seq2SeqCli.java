package org.seq2seq4j.experiments.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.model.ModelFormatException;
import org.seq2seq4j.core.train.CheckpointStore;
import org.seq2seq4j.core.train.TrainingDivergedException;
import org.seq2seq4j.data.corpus.CorpusReadException;
import org.seq2seq4j.experiments.ablation.AblationException;
import org.seq2seq4j.experiments.ablation.AblationLoader;
import org.seq2seq4j.experiments.ablation.AblationPlan;
import org.seq2seq4j.experiments.ablation.AblationRunner;
import org.seq2seq4j.experiments.ablation.AblationSummary;
import org.seq2seq4j.experiments.ablation.RunOutcome;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;
import org.seq2seq4j.experiments.report.AttentionPlots;
import org.seq2seq4j.experiments.run.ConsoleProgress;
import org.seq2seq4j.experiments.run.EvaluationReport;
import org.seq2seq4j.experiments.run.ExperimentRunner;
import org.seq2seq4j.experiments.run.RunDirectory;
import org.seq2seq4j.experiments.run.RunDirectoryException;
import org.seq2seq4j.experiments.run.TrainedRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code seq2seq4j} command line: {@code train}, {@code evaluate}, {@code translate}, {@code validate},
 * {@code ablate}.
 * Exit codes: 0 success, 2 a problem with the user's input (config, run directory, arguments), 1 anything else.
 */
@Command(name = "seq2seq4j", mixinStandardHelpOptions = true, versionProvider = Seq2SeqCli.Version.class,
        description = "Sequence-to-sequence experiments on Deeplearning4j.",
        subcommands = {Seq2SeqCli.Train.class, Seq2SeqCli.Evaluate.class, Seq2SeqCli.Translate.class,
                Seq2SeqCli.Validate.class, Seq2SeqCli.Ablate.class})
public final class Seq2SeqCli {

    /** Exit code for problems with the user's input. */
    public static final int USAGE = 2;

    /**
     * JavaCPP frees ND4J's off-heap buffers only when the JVM collects their Java objects, and by default lets them
     * grow to the maximum heap size before forcing a collection; with a small heap that is rarely collected, resident
     * memory then climbs by gigabytes during training. A cap (overridable with {@code -D}) makes collection timely.
     * Must run before any ND4J class is loaded.
     */
    static void configureNativeMemory() {
        if (System.getProperty("org.bytedeco.javacpp.maxbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxbytes", "1G");
        }
        if (System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxphysicalbytes", "0");
        }
    }

    public static void main(String[] args) {
        configureNativeMemory();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Seq2SeqCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof RunDirectoryException
                    || e instanceof ModelFormatException || e instanceof IllegalArgumentException
                    || e instanceof AblationException || e instanceof CorpusReadException) {
                cmd.getErr().println("error: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof TrainingDivergedException || e instanceof UncheckedIOException
                    || e instanceof org.seq2seq4j.core.runtime.Backend.BackendUnavailableException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Package p = Seq2SeqCli.class.getPackage();
            String v = p.getImplementationVersion();
            return new String[]{"seq2seq4j " + (v == null ? "(development build)" : v)};
        }
    }


    @Command(name = "train", description = "Train an experiment, or continue an interrupted run with --resume.")
    static final class Train implements Callable<Integer> {
        @CommandLine.Mixin
        Backend.Options backend = new Backend.Options();
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "Experiment JSON file.")
        Path config;
        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, e.g. --set training.epochs=5.")
        List<String> overrides = new ArrayList<>();
        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue this run from its last checkpoint "
                + "(with --set training.epochs=N to train it for more epochs).")
        Path resume;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            backend.require();
            ExperimentRunner runner = new ExperimentRunner(ConsoleProgress.forThisProcess());
            EvaluationReport test;
            if (resume != null) {
                if (config != null) {
                    throw new IllegalArgumentException("--resume continues a run with its own config.json; "
                            + "give no CONFIG with it");
                }
                test = runner.resume(resume, overrides, spec.commandLine().getParseResult().originalArgs());
            } else {
                if (config == null) {
                    throw new IllegalArgumentException("give an experiment CONFIG file, or --resume RUN_DIR");
                }
                ExperimentConfig c = ExperimentLoader.load(config, overrides);
                test = runner.train(c, spec.commandLine().getParseResult().originalArgs());
                printReport(spec.commandLine().getOut(), c.outputDir(), test);
                return 0;
            }
            printReport(spec.commandLine().getOut(), resume.toString(), test);
            return 0;
        }
    }

    static void printReport(PrintWriter out, String runDir, EvaluationReport r) {
        out.printf(Locale.ROOT, "%s (%s checkpoint, %d examples): sequence accuracy %.4f, token accuracy %.4f, "
                        + "loss %.4f, perplexity %.3f%n", r.split(), r.checkpoint(), r.examples(), r.sequenceAccuracy(),
                r.tokenAccuracy(), r.loss(), r.perplexity());
        out.println(r.bleu().format());
        out.println(r.chrF().format());
        out.println("run directory: " + runDir);
        out.flush();
    }

    @Command(name = "evaluate", description = "Score a saved run on a split; writes predictions.tsv, hypotheses.txt, "
            + "references.txt and scores.json (accuracy, loss, BLEU and chrF with their sacreBLEU signatures).")
    static final class Evaluate implements Callable<Integer> {
        @CommandLine.Mixin
        Backend.Options backend = new Backend.Options();
        @Parameters(paramLabel = "RUN_DIR")
        Path run;
        @Option(names = "--split", defaultValue = "test", description = "train, dev or test (default: ${DEFAULT-VALUE}).")
        String split;
        @CommandLine.Mixin
        CheckpointOption checkpoint = new CheckpointOption();
        @Option(names = "--set", paramLabel = "decoding.KEY=VALUE", description = "Change the decoding, e.g. "
                + "--set decoding.strategy.type=beam --set decoding.strategy.beamSize=10; results then go to "
                + "<split>-<decoding>/.")
        List<String> overrides = new ArrayList<>();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            checkChoice("--split", split, List.of("train", "dev", "test"));
            String pointer = checkpoint.pointer();
            backend.require();
            EvaluationReport r = new ExperimentRunner(ConsoleProgress.forThisProcess()).evaluate(run, split, pointer,
                    overrides);
            printReport(spec.commandLine().getOut(), run.toString(), r);
            return 0;
        }
    }

    @Command(name = "translate", description = "Decode lines of text (stdin or --input) with a saved run; one output line per input line.")
    static final class Translate implements Callable<Integer> {
        @CommandLine.Mixin
        Backend.Options backend = new Backend.Options();
        @Parameters(paramLabel = "RUN_DIR")
        Path run;
        @Option(names = "--input", paramLabel = "FILE", description = "Read lines from FILE instead of standard input.")
        Path input;
        @CommandLine.Mixin
        CheckpointOption checkpoint = new CheckpointOption();
        @Option(names = "--max-length", paramLabel = "N", description = "Maximum output tokens (default: the run's decoding.maxLength).")
        Integer maxLength;
        @Option(names = "--set", paramLabel = "decoding.KEY=VALUE", description = "Change the decoding, e.g. "
                + "--set decoding.strategy.type=beam --set decoding.strategy.beamSize=10.")
        List<String> overrides = new ArrayList<>();
        @Option(names = "--attention-plot", paramLabel = "DIR", description = "Also write, for input line N, "
                + "DIR/NNNN.json (source tokens, output tokens, attention weights) and DIR/NNNN.png (heatmap).")
        Path attentionDir;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String pointer = checkpoint.pointer();
            backend.require();
            TrainedRun trained = TrainedRun.load(new RunDirectory(run).requireRun().checkpoint(pointer));
            List<String> lines;
            if (input != null) {
                if (!Files.isRegularFile(input)) {
                    throw new IllegalArgumentException("--input " + input + ": no such file");
                }
                lines = Files.readAllLines(input, StandardCharsets.UTF_8);
            } else {
                lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
            }
            DecodingConfig decoding = trained.decoding(overrides);
            if (maxLength != null) {
                if (maxLength < 1) {
                    throw new IllegalArgumentException("--max-length must be at least 1, got " + maxLength);
                }
                decoding = new DecodingConfig(decoding.strategy(), maxLength, decoding.batchSize());
            }
            PrintWriter out = spec.commandLine().getOut();
            List<TrainedRun.Translation> translations = trained.translations(lines, decoding, attentionDir != null);
            for (int i = 0; i < translations.size(); i++) {
                TrainedRun.Translation t = translations.get(i);
                out.println(t.text());
                if (t.attention() != null) {
                    AttentionPlots.write(t.attention(), attentionDir, i + 1, "line " + (i + 1) + ": " + lines.get(i));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "validate", description = "Check an experiment config and print it fully resolved; trains nothing.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "CONFIG")
        Path config;
        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key.")
        List<String> overrides = new ArrayList<>();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ExperimentConfig c = ExperimentLoader.load(config, overrides);
            spec.commandLine().getOut().println(ExperimentLoader.toJson(c));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "ablate", description = "Run an ablation: every cell of its grid with every seed (resuming what "
            + "is unfinished), then summary.csv, summary.md and plots in its output directory.")
    static final class Ablate implements Callable<Integer> {
        @CommandLine.Mixin
        Backend.Options backend = new Backend.Options();
        @Parameters(paramLabel = "ABLATION", description = "Ablation JSON file.")
        Path file;
        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
                description = "Runs trained at once, each on its own thread (default: ${DEFAULT-VALUE}; on 2 cores, "
                        + "--jobs 2 with --threads 1 uses both).")
        int jobs;
        @Option(names = "--dry-run", description = "List the runs and where each stands; train nothing.")
        boolean dryRun;
        @Option(names = "--summary-only", description = "Write the summary from the runs on disk; train nothing.")
        boolean summaryOnly;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            AblationPlan plan = AblationLoader.load(file);
            PrintWriter out = spec.commandLine().getOut();
            if (dryRun) {
                for (AblationPlan.Run r : plan.runs()) {
                    out.printf(Locale.ROOT, "%-9s %s%n", AblationRunner.status(r).name().toLowerCase(Locale.ROOT),
                            r.directory());
                }
                out.flush();
                return 0;
            }
            AblationSummary summary;
            if (summaryOnly) {
                summary = AblationSummary.of(plan, AblationRunner.collect(plan), null);
                summary.write();
            } else {
                backend.require();
                summary = new AblationRunner(jobs).run(plan,
                        spec.commandLine().getParseResult().originalArgs());
            }
            out.print(summary.markdown());
            out.println("summary: " + plan.root().resolve(AblationSummary.MARKDOWN));
            out.flush();
            return summary.outcomes().stream().allMatch(RunOutcome::finished) ? 0 : 1;
        }
    }

    /** The {@code --checkpoint best|last} option of the commands that read a saved run. */
    static final class CheckpointOption {
        @Option(names = "--checkpoint", defaultValue = CheckpointStore.BEST,
                description = "best or last (default: ${DEFAULT-VALUE}).")
        String value;

        /** The checked pointer name. */
        String pointer() {
            checkChoice("--checkpoint", value, List.of(CheckpointStore.BEST, CheckpointStore.LAST));
            return value;
        }
    }

    private static void checkChoice(String option, String value, List<String> choices) {
        if (!choices.contains(value)) {
            throw new IllegalArgumentException(option + " \"" + value + "\" is not valid (valid choices: "
                    + String.join(", ", choices) + ")");
        }
    }
}
