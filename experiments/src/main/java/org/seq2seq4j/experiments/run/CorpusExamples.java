package org.seq2seq4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.corpus.CorpusReadException;
import org.seq2seq4j.data.corpus.CsvFormat;
import org.seq2seq4j.data.corpus.ParallelFormat;
import org.seq2seq4j.data.corpus.ReadStatistics;
import org.seq2seq4j.data.corpus.TextPair;
import org.seq2seq4j.data.corpus.TextPairReader;
import org.seq2seq4j.data.corpus.TsvFormat;
import org.seq2seq4j.data.pair.CorpusSplit;
import org.seq2seq4j.data.pair.DatasetConfigException;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.LengthFilter;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.experiments.config.DataConfig;
import org.seq2seq4j.experiments.config.SplitConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples of a corpus experiment and what reading them did: every file read once, line by line, each pair
 * tokenized as it is read (its raw target kept as the reference), then the length filter, then the split.
 *
 * <p>With a seeded split ({@code sizes} or {@code fractions}) the one corpus is filtered and then divided by
 * {@link CorpusSplit}; with {@code files} the corpus is the training data (filtered) and the dev and test files are
 * used whole. Relative file names are resolved against the working directory; a missing file is a
 * {@link ConfigException} at its key ({@code data.format.file}) naming the path it was looked for at.
 *
 * @param splits       the tokenized train, dev and test pairs
 * @param references   the raw target sentence of every pair, aligned with {@code splits}
 * @param read         what reading each file did, by role: {@code corpus} for a seeded split, else {@code train},
 *                     {@code dev} and {@code test}
 * @param lengthFilter what the length filter removed
 */
public record CorpusExamples(DatasetSplits splits, ReferenceTexts references, Map<String, ReadStatistics> read,
                             CorpusStatistics.LengthFilterCounts lengthFilter) {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusExamples.class);

    public CorpusExamples {
        read = Map.copyOf(read);
    }

    /** Tokenized pairs with their raw targets, in file order. */
    private record Part(List<SequencePair> pairs, List<String> references, ReadStatistics statistics) {
    }

    /**
     * Reads, filters and splits a corpus.
     *
     * @throws ConfigException     if a file is missing (at its key) or the split cannot be made (at {@code data.split})
     * @throws CorpusReadException on bad input the format's policy does not skip
     * @throws UncheckedIOException if a file cannot be read
     */
    public static CorpusExamples read(DataConfig.Corpus corpus) {
        Tokenizer source = corpus.sourceTokenizer();
        Tokenizer target = corpus.targetTokenizer();
        Map<String, ReadStatistics> read = new LinkedHashMap<>();
        if (corpus.split() instanceof SplitConfig.Files files) {
            Part train = readPart("data.format", corpus.format(), source, target);
            Part dev = readPart("data.split.dev", files.dev(), source, target);
            Part test = readPart("data.split.test", files.test(), source, target);
            read.put("train", train.statistics());
            read.put("dev", dev.statistics());
            read.put("test", test.statistics());
            Filtered kept = filter(train, corpus.lengthFilter());
            requirePairs("data.split.dev", files.dev(), dev.pairs().size());
            requirePairs("data.split.test", files.test(), test.pairs().size());
            return new CorpusExamples(new DatasetSplits(kept.part().pairs(), dev.pairs(), test.pairs()),
                    new ReferenceTexts(kept.part().references(), dev.references(), test.references()), read,
                    kept.counts());
        }
        Part all = readPart("data.format", corpus.format(), source, target);
        read.put("corpus", all.statistics());
        Filtered kept = filter(all, corpus.lengthFilter());
        DatasetSplits splits = split(corpus.split(), kept.part().pairs());
        return new CorpusExamples(splits, references(kept.part(), splits), read, kept.counts());
    }

    private record Filtered(Part part, CorpusStatistics.LengthFilterCounts counts) {
    }

    private static Filtered filter(Part part, LengthFilter filter) {
        LengthFilter.Filtered result = filter.apply(part.pairs());
        if (result.kept().isEmpty()) {
            throw ConfigException.invalid("data.lengthFilter", null, "keeps none of the " + part.pairs().size()
                    + " pairs read (" + result.sourceTooShort() + " with a source too short, " + result.sourceTooLong()
                    + " too long, " + result.targetTooShort() + " with a target too short, " + result.targetTooLong()
                    + " too long); widen the bounds");
        }
        List<String> references = new ArrayList<>(result.kept().size());
        for (int i = 0; i < part.pairs().size(); i++) {
            if (filter.accepts(part.pairs().get(i))) {
                references.add(part.references().get(i));
            }
        }
        return new Filtered(new Part(result.kept(), references, part.statistics()),
                new CorpusStatistics.LengthFilterCounts(part.pairs().size(), result.kept().size(), result.removed(),
                        result.sourceTooShort(), result.sourceTooLong(), result.targetTooShort(),
                        result.targetTooLong()));
    }

    private static DatasetSplits split(SplitConfig config, List<SequencePair> pairs) {
        CorpusSplit split;
        if (config instanceof SplitConfig.Sizes sizes) {
            split = sizes.corpusSplit();
        } else if (config instanceof SplitConfig.Fractions fractions) {
            try {
                split = fractions.corpusSplit(pairs.size());
            } catch (ConfigException e) {
                throw e.at("data.split");
            }
        } else {
            throw new IllegalStateException("not a seeded split: " + config);
        }
        try {
            return split.apply(pairs);
        } catch (DatasetConfigException e) {
            String problem = "is too large: " + e.getMessage();
            if (config instanceof SplitConfig.Fractions f) {
                boolean dev = e.field().equals("devSize");
                throw ConfigException.invalid("data.split." + (dev ? "devFraction" : "testFraction"),
                        dev ? f.devFraction() : f.testFraction(), problem);
            }
            throw ConfigException.invalid("data.split." + e.field(), e.value(), problem);
        }
    }

    /**
     * The raw targets of the split pairs. {@link CorpusSplit} never divides the pairs of one source sentence and keeps
     * corpus order within each split, so the split of a pair follows from its source, and walking the corpus in order
     * meets every split's pairs in that split's order.
     */
    private static ReferenceTexts references(Part part, DatasetSplits splits) {
        Map<List<String>, Integer> splitOfSource = new HashMap<>();
        splits.dev().forEach(p -> splitOfSource.put(p.source(), 1));
        splits.test().forEach(p -> splitOfSource.put(p.source(), 2));
        List<List<String>> references = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < part.pairs().size(); i++) {
            references.get(splitOfSource.getOrDefault(part.pairs().get(i).source(), 0)).add(part.references().get(i));
        }
        if (references.get(0).size() != splits.train().size() || references.get(1).size() != splits.dev().size()
                || references.get(2).size() != splits.test().size()) {
            throw new IllegalStateException("the split divided a group of pairs with one source sentence");
        }
        return new ReferenceTexts(references.get(0), references.get(1), references.get(2));
    }

    private static Part readPart(String path, CorpusFormat format, Tokenizer source, Tokenizer target) {
        requireFiles(path, format);
        List<SequencePair> pairs = new ArrayList<>();
        List<String> references = new ArrayList<>();
        long start = System.nanoTime();
        ReadStatistics statistics;
        try (TextPairReader reader = format.open()) {
            while (reader.hasNext()) {
                TextPair pair = reader.next();
                pairs.add(new SequencePair(source.tokenize(pair.source()), target.tokenize(pair.target())));
                references.add(pair.target());
            }
            statistics = reader.statistics();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + format.files() + ": " + e.getMessage(), e);
        }
        LOG.info("{}: read {} in {} s", path, statistics, String.format(java.util.Locale.ROOT, "%.1f",
                (System.nanoTime() - start) / 1e9));
        return new Part(pairs, references, statistics);
    }

    private static void requirePairs(String path, CorpusFormat format, int pairs) {
        if (pairs == 0) {
            throw ConfigException.invalid(path, null, "holds no pairs: " + format.files() + " has no usable line");
        }
    }

    /** Fails at the key of the first file of {@code format} that does not exist. */
    private static void requireFiles(String path, CorpusFormat format) {
        Map<String, Path> files = new LinkedHashMap<>();
        if (format instanceof TsvFormat tsv) {
            files.put("file", tsv.file());
        } else if (format instanceof CsvFormat csv) {
            files.put("file", csv.file());
        } else if (format instanceof ParallelFormat parallel) {
            files.put("sourceFile", parallel.sourceFile());
            files.put("targetFile", parallel.targetFile());
        }
        files.forEach((key, file) -> {
            if (!Files.isRegularFile(file)) {
                Path absolute = file.toAbsolutePath().normalize();
                throw ConfigException.invalid(path + "." + key, file.toString(), (Files.isDirectory(file)
                        ? "is a directory, not a corpus file" : "names no file: " + absolute + " does not exist")
                        + (file.isAbsolute() ? "" : " (relative corpus paths are resolved against the working "
                        + "directory, " + Path.of("").toAbsolutePath() + ")"));
            }
        });
    }
}
