package org.seq2seq4j.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.io.Workspaces;
import org.seq2seq4j.core.model.DecoderState;
import org.seq2seq4j.core.model.EncodedSource;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * Batched beam search (Sutskever et al. 2014, section 3.1; length normalisation of Wu et al. 2016, eq. 14, see
 * {@link LengthPenalty}). A batch of {@code B} sources is encoded once and the decoder state is expanded to
 * {@code B*K} rows, {@code K} per source (row {@code a*K + k} is beam slot {@code k} of the {@code a}-th source still
 * searching). Every step advances all rows together ({@link Seq2SeqModel#step}), adds each row's running
 * log-probability to its next-token log-probabilities {@code [B*K, V]}, and takes the best {@code 2K} of the
 * {@code K*V} continuations of each source (a partial sort, ties to the lower slot and token id); the decoder state
 * is then reordered with {@link DecoderState#select} to the parents of the kept continuations.
 *
 * <p>End of sequence, as in fairseq: an end-of-sequence continuation among a source's best {@code K} finishes that
 * hypothesis (it moves to the source's finished list); the best {@code K} other continuations stay live, so the beam
 * always holds {@code K} live hypotheses (fewer only when fewer continuations are possible: empty slots have score
 * {@code -inf} and never extend). At step 0 only slot 0 is live, so the first {@code K} continuations are distinct.
 * End-of-sequence is forbidden (log-probability {@code -inf}) before {@code minLength} output tokens; at step
 * {@code maxLength} only end-of-sequence is allowed, so every hypothesis ends within the limit, as in
 * {@link GreedyDecoder}.
 *
 * <p>Stopping, exact rather than heuristic: a live hypothesis with raw log-probability {@code r <= 0} can only lose
 * probability, and its normalised score {@code r / lp(|Y|)} is largest at the longest allowed output, so no extension
 * of it can score above {@code r / lp(maxLength + 1)}. A source stops when it has {@code nBest} finished hypotheses
 * and the {@code nBest}-th best normalised finished score is at least that bound for its best live hypothesis, or
 * when it has no live hypothesis. With {@code lengthPenalty} 0 this is "the best live log-probability is no better
 * than the {@code nBest}-th finished one". (OpenNMT-py and Joey NMT instead stop when the top of the beam finishes,
 * which is cheaper but may miss a longer output with a better normalised score.) A source that stops is dropped from
 * the batch: its rows are not selected into the next state, so later steps run on fewer rows. With {@code K = 1} and
 * {@code lengthPenalty} 0 the search equals greedy decoding.
 */
public final class BeamSearch implements Decoder {

    /**
     * @param beamSize      live hypotheses per source {@code K}, at least 1
     * @param nBest         finished hypotheses returned per source, in {@code [1, beamSize]}
     * @param lengthPenalty GNMT exponent {@code alpha}, at least 0 (0 ranks by raw log-probability)
     * @param minLength     end-of-sequence is forbidden before this many output tokens, in {@code [0, maxLength]}
     * @param maxLength     maximum output tokens, not counting end-of-sequence, at least 1
     * @param batchSize     sources searched together (each takes {@code beamSize} decoder rows), at least 1
     * @param coveragePenalty GNMT coverage penalty weight {@code beta}, at least 0 (0: none; needs a model with
     *                        attention): a finished hypothesis scores {@code log P / lp + beta Σ_i log(min(c_i, 1))}
     *                        with {@code c_i} the sum of its attention weights on real source position {@code i}
     */
    public record Options(int beamSize, int nBest, double lengthPenalty, int minLength, int maxLength,
                          int batchSize, double coveragePenalty) {

        /** Options without a coverage penalty. */
        public Options(int beamSize, int nBest, double lengthPenalty, int minLength, int maxLength, int batchSize) {
            this(beamSize, nBest, lengthPenalty, minLength, maxLength, batchSize, 0.0);
        }

        public Options {
            require(coveragePenalty >= 0 && !Double.isInfinite(coveragePenalty),
                    "coveragePenalty must be a finite number of at least 0, got " + coveragePenalty);
            require(beamSize >= 1, "beamSize must be at least 1, got " + beamSize);
            require(nBest >= 1 && nBest <= beamSize, "nBest must be in [1, beamSize = " + beamSize + "], got "
                    + nBest);
            require(lengthPenalty >= 0 && !Double.isInfinite(lengthPenalty),
                    "lengthPenalty must be a finite number of at least 0, got " + lengthPenalty);
            require(maxLength >= 1, "maxLength must be at least 1, got " + maxLength);
            require(minLength >= 0 && minLength <= maxLength, "minLength must be in [0, maxLength = " + maxLength
                    + "], got " + minLength);
            require(batchSize >= 1, "batchSize must be at least 1, got " + batchSize);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private final Options options;
    private final LengthPenalty penalty;

    public BeamSearch(Options options) {
        this.options = options;
        this.penalty = new LengthPenalty(options.lengthPenalty());
    }

    public Options options() {
        return options;
    }

    /** The best finished hypothesis of every source (ids without markers), in input order. */
    @Override
    public List<Hypothesis> decode(Seq2SeqModel model, List<int[]> sources) {
        List<Hypothesis> out = new ArrayList<>();
        for (List<ScoredHypothesis> nBest : search(model, sources)) {
            // empty only if the model gives every continuation probability 0
            out.add(nBest.isEmpty() ? new Hypothesis(new int[0], Double.NEGATIVE_INFINITY, false)
                    : nBest.get(0).hypothesis());
        }
        return out;
    }

    /**
     * Searches every source (ids without markers) in batches of {@code batchSize} sources of similar length.
     *
     * @return per source, in input order, up to {@code nBest} finished hypotheses, best normalised score first
     */
    public List<List<ScoredHypothesis>> search(Seq2SeqModel model, List<int[]> sources) {
        Integer[] order = new Integer[sources.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sources.get(i).length));
        List<List<ScoredHypothesis>> out = new ArrayList<>(Collections.nCopies(sources.size(), null));
        for (int start = 0; start < order.length; start += options.batchSize()) {
            int end = Math.min(order.length, start + options.batchSize());
            List<int[]> chunk = new ArrayList<>();
            for (int k = start; k < end; k++) {
                chunk.add(sources.get(order[k]));
            }
            List<List<ScoredHypothesis>> found = searchBatch(model, chunk);
            for (int k = start; k < end; k++) {
                out.set(order[k], found.get(k - start));
            }
        }
        return out;
    }

    /** Searches one batch of sources together; results as in {@link #search}. */
    public List<List<ScoredHypothesis>> searchBatch(Seq2SeqModel model, List<int[]> sources) {
        int k = options.beamSize();
        int eos = model.symbols().eos();
        List<List<ScoredHypothesis>> finished = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            finished.add(new ArrayList<>());
        }
        if (options.coveragePenalty() > 0 && model.config().attention() == AttentionType.NONE) {
            throw new IllegalArgumentException("a coverage penalty needs a model with attention");
        }
        EncodedSource encoded = model.encode(sources);
        int vocabulary = model.outputSize(encoded);
        DecoderState start = model.start(encoded);
        Frontier beam = Frontier.start(sources.size(), k, model.symbols().bos());
        try (var ws = Workspaces.loop("seq2seq4j-beam")) {
            DecoderState state = start.select(beam.expansion(k));
            INDArray forbidEos = Nd4j.zeros(DataType.DOUBLE, 1, vocabulary);
            forbidEos.putScalar(0, eos, Double.NEGATIVE_INFINITY);
            INDArray onlyEos = Nd4j.valueArrayOf(new long[]{1, vocabulary}, Double.NEGATIVE_INFINITY,
                    DataType.DOUBLE);
            onlyEos.putScalar(0, eos, 0.0);
            for (int t = 0; t <= options.maxLength(); t++) {
                Seq2SeqModel.Step step = model.step(state, beam.previous());
                // [A*K, V]: running log-probability of the row plus the next token's, -inf where not allowed
                INDArray scores = step.logProbabilities().castTo(DataType.DOUBLE);
                if (t == options.maxLength()) {
                    scores.addiRowVector(onlyEos);
                } else if (t < options.minLength()) {
                    scores.addiRowVector(forbidEos);
                }
                scores.addiColumnVector(Nd4j.createFromArray(beam.scores()).reshape(beam.scores().length, 1));
                double[] generation = step.generation() == null ? null
                        : step.generation().reshape(step.generation().length()).toDoubleVector();
                double[] coverage = options.coveragePenalty() > 0
                        ? coveragePenalties(step.state().coverage(), state.encoded().mask()) : null;
                beam = advance(beam, scores.toDoubleMatrix(), generation, coverage, k, eos, finished);
                if (beam.active().length == 0) {
                    break;
                }
                state = step.state().select(beam.parents());
            }
        }
        List<List<ScoredHypothesis>> out = new ArrayList<>();
        for (List<ScoredHypothesis> f : finished) {
            List<ScoredHypothesis> sorted = new ArrayList<>(f);
            sorted.sort(Comparator.comparingDouble(ScoredHypothesis::score).reversed());
            out.add(List.copyOf(sorted.subList(0, Math.min(options.nBest(), sorted.size()))));
        }
        return out;
    }

    /**
     * The live hypotheses of the sources still searching, {@code K} rows per source.
     *
     * @param active   indices (in the batch) of the sources still searching; row {@code a*K + k} belongs to
     *                 {@code active[a]}
     * @param parents  for every row, the row of the previous step's state it extends
     * @param scores   raw log-probability of every row ({@code -inf} for an empty slot)
     * @param prefixes output tokens of every row
     * @param previous last token of every row, the next step's input
     * @param gens     a copy model's {@code p_gen} at each output token of every row (null entries otherwise)
     */
    private record Frontier(int[] active, int[] parents, double[] scores, int[][] prefixes, int[] previous,
                            double[][] gens) {

        static Frontier start(int sources, int k, int bos) {
            int[] active = new int[sources];
            double[] scores = new double[sources * k];
            for (int a = 0; a < sources; a++) {
                active[a] = a;
                for (int j = 1; j < k; j++) {
                    scores[a * k + j] = Double.NEGATIVE_INFINITY;
                }
            }
            int[] previous = new int[sources * k];
            Arrays.fill(previous, bos);
            int[][] prefixes = new int[sources * k][];
            Arrays.fill(prefixes, new int[0]);
            double[][] gens = new double[sources * k][];
            Arrays.fill(gens, new double[0]);
            return new Frontier(active, null, scores, prefixes, previous, gens);
        }

        /** Rows of the encoded batch for the first step: {@code K} copies of every source. */
        int[] expansion(int k) {
            int[] rows = new int[active.length * k];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = active[i / k];
            }
            return rows;
        }
    }

    /**
     * One step of bookkeeping: moves finished continuations to {@code finished}, keeps the best {@code K} others of
     * every source that goes on, and drops the sources that stop.
     *
     * @param scores     {@code [A*K][V]} candidate scores of the current rows
     * @param generation a copy model's {@code p_gen} of the current rows, or null
     * @param coverage   the coverage penalty of every current row if it ends now, or null for none
     */
    private Frontier advance(Frontier beam, double[][] scores, double[] generation, double[] coverage, int k, int eos,
                             List<List<ScoredHypothesis>> finished) {
        int vocabulary = scores.length == 0 ? 0 : scores[0].length;
        List<Integer> active = new ArrayList<>();
        int rows = beam.active().length * k;
        int[] parents = new int[rows];
        double[] next = new double[rows];
        int[][] prefixes = new int[rows][];
        int[] previous = new int[rows];
        double[][] gens = new double[rows][];
        int n = 0;
        for (int a = 0; a < beam.active().length; a++) {
            List<ScoredHypothesis> done = finished.get(beam.active()[a]);
            int[] best = best(scores, a * k, k, 2 * k);
            int first = n;
            for (int r = 0; r < best.length; r++) {
                int row = a * k + best[r] / vocabulary;
                int token = best[r] % vocabulary;
                double score = scores[row][token];
                if (token == eos) {
                    if (r < k) {
                        int[] tokens = beam.prefixes()[row];
                        done.add(new ScoredHypothesis(new Hypothesis(tokens, score, true,
                                generation == null ? null : beam.gens()[row]),
                                penalty.score(score, tokens.length + 1) + (coverage == null ? 0 : coverage[row])));
                    }
                } else if (n - first < k) {
                    parents[n] = row;
                    next[n] = score;
                    prefixes[n] = append(beam.prefixes()[row], token);
                    previous[n] = token;
                    gens[n] = generation == null ? beam.gens()[row] : append(beam.gens()[row], generation[row]);
                    n++;
                }
            }
            int live = n - first;
            if (live == 0 || searchIsOver(done, next[first])) {
                n = first;
                continue;
            }
            for (; n < first + k; n++) {
                parents[n] = a * k;
                next[n] = Double.NEGATIVE_INFINITY;
                prefixes[n] = new int[0];
                previous[n] = eos;
                gens[n] = new double[0];
            }
            active.add(beam.active()[a]);
        }
        return new Frontier(active.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(parents, n),
                Arrays.copyOf(next, n), Arrays.copyOf(prefixes, n), Arrays.copyOf(previous, n), Arrays.copyOf(gens, n));
    }

    /**
     * {@code beta Σ_i log(min(c_i, 1))} of every row over its real source positions (GNMT's coverage penalty; at most
     * 0, so the bound of {@link #searchIsOver} still holds); coverage is floored at 1e-10 to keep the logarithm finite.
     */
    private double[] coveragePenalties(INDArray coverage, INDArray sourceMask) {
        double[][] c = coverage.toDoubleMatrix();
        double[][] m = sourceMask.toDoubleMatrix();
        double[] out = new double[c.length];
        for (int r = 0; r < c.length; r++) {
            double sum = 0;
            for (int i = 0; i < c[r].length; i++) {
                if (m[r][i] != 0) {
                    sum += Math.log(Math.max(Math.min(c[r][i], 1.0), 1e-10));
                }
            }
            out[r] = options.coveragePenalty() * sum;
        }
        return out;
    }

    /**
     * Whether no extension of the best live hypothesis (raw log-probability {@code bestLive}) can enter the n-best
     * list: see the class comment.
     */
    private boolean searchIsOver(List<ScoredHypothesis> done, double bestLive) {
        if (done.size() < options.nBest()) {
            return false;
        }
        double[] sorted = done.stream().mapToDouble(ScoredHypothesis::score).sorted().toArray();
        double nth = sorted[sorted.length - options.nBest()];
        return nth >= penalty.score(bestLive, options.maxLength() + 1);
    }

    /**
     * The {@code m} best finite candidates of rows {@code [firstRow, firstRow + k)}, best first, as
     * {@code slot * V + token}; ties go to the lower index, as {@code argMax} does.
     */
    static int[] best(double[][] scores, int firstRow, int k, int m) {
        int[] index = new int[m];
        double[] value = new double[m];
        int size = 0;
        for (int slot = 0; slot < k; slot++) {
            double[] row = scores[firstRow + slot];
            for (int token = 0; token < row.length; token++) {
                double x = row[token];
                if (!(x > Double.NEGATIVE_INFINITY) || (size == m && !(x > value[m - 1]))) {
                    continue;
                }
                int i = size < m ? size++ : m - 1;
                while (i > 0 && value[i - 1] < x) {
                    value[i] = value[i - 1];
                    index[i] = index[i - 1];
                    i--;
                }
                value[i] = x;
                index[i] = slot * row.length + token;
            }
        }
        return Arrays.copyOf(index, size);
    }

    private static double[] append(double[] prefix, double value) {
        double[] out = Arrays.copyOf(prefix, prefix.length + 1);
        out[prefix.length] = value;
        return out;
    }

    private static int[] append(int[] prefix, int token) {
        int[] out = Arrays.copyOf(prefix, prefix.length + 1);
        out[prefix.length] = token;
        return out;
    }
}
