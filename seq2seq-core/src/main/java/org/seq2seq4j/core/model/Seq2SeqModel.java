package org.seq2seq4j.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.graph.EmbeddingVertexImpl;
import org.seq2seq4j.core.graph.OutputProjectionVertexImpl;
import org.seq2seq4j.core.linalg.Products;
import org.seq2seq4j.core.linalg.RowSoftmax;
import org.seq2seq4j.core.graph.StepwiseStack;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.rnn.CellParams;
import org.seq2seq4j.core.rnn.RecurrentStack;

/**
 * A trained or trainable encoder–decoder: the DL4J graph, its architecture, its vocabulary sizes and reserved ids.
 * Training uses the whole graph (teacher forcing); decoding encodes a batch once ({@link #encode}) and then advances
 * the decoder one token at a time ({@link #step}) with the graph's own parameters, never re-running the graph for a
 * new token.
 */
public final class Seq2SeqModel {

    /**
     * Format version of {@code model.json}. Version 2 added {@code config.attention}, version 3
     * {@code config.inputFeeding}, version 4 {@code config.copy} and {@code symbols.unk}, version 5
     * {@code config.coverage}, version 6 the output projection vertex with its fused softmax cross-entropy in place
     * of DL4J's {@code RnnOutputLayer} (the graph file says which; both are read), version 7 that projection's
     * parameter as {@code [V, H + 1]} rows in place of {@code [W; b]} (converted on reading). Older files are read as
     * {@code "attention": "none"}, {@code "inputFeeding": false}, {@code "copy": false}, {@code "unk": -1} and
     * {@code "coverage": false} (what the architecture was before those keys existed).
     */
    public static final int SCHEMA = 7;
    private static final String GRAPH_FILE = "graph.zip";
    private static final String META_FILE = "model.json";

    private final ModelConfig config;
    private final ComputationGraph graph;
    private final Symbols symbols;
    private final int sourceVocabulary;
    private final int targetVocabulary;
    private final BatchFactory batches;
    private final AttentionFactory attention;
    /** Where in the graph's topological order encoding ends ({@link #encode} runs the graph up to there). */
    private final int encodingEnd;

    public Seq2SeqModel(ModelConfig config, ComputationGraph graph, Symbols symbols, int sourceVocabulary,
                        int targetVocabulary) {
        this.config = config;
        this.graph = graph;
        this.symbols = symbols;
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
        this.batches = new BatchFactory(symbols, config.reverseSource(), graph.getConfiguration().getDataType(),
                config.copy() ? targetVocabulary : -1, config.coverage());
        this.attention = config.attention() == AttentionType.NONE ? null : AttentionFactory.load(config.attention());
        this.encodingEnd = lastPosition(graph, Seq2SeqGraph.ENCODER, Seq2SeqGraph.ENCODER_FINAL, Seq2SeqGraph.BRIDGE);
    }

    /** The position in {@code graph}'s topological order of the last of the named vertices it has. */
    private static int lastPosition(ComputationGraph graph, String... names) {
        int[] order = graph.topologicalSortOrder();
        int last = -1;
        for (String name : names) {
            if (graph.getVertex(name) == null) {
                continue;
            }
            int index = graph.getVertex(name).getVertexIndex();
            for (int position = 0; position < order.length; position++) {
                if (order[position] == index) {
                    last = Math.max(last, position);
                }
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("the graph has none of the vertices " + String.join(", ", names));
        }
        return last;
    }

    /** A new model with freshly initialised parameters. */
    public static Seq2SeqModel create(ModelConfig config, Symbols symbols, int sourceVocabulary, int targetVocabulary,
                                      long seed, DataType dataType) {
        ComputationGraph g = Seq2SeqGraph.build(config, sourceVocabulary, targetVocabulary, seed, dataType);
        return new Seq2SeqModel(config, g, symbols, sourceVocabulary, targetVocabulary);
    }

    public ModelConfig config() {
        return config;
    }

    public ComputationGraph graph() {
        return graph;
    }

    public Symbols symbols() {
        return symbols;
    }

    public int sourceVocabulary() {
        return sourceVocabulary;
    }

    public int targetVocabulary() {
        return targetVocabulary;
    }

    public BatchFactory batches() {
        return batches;
    }

    /**
     * Number of trainable parameters. DL4J 1.0.0-M2.1's {@code ComputationGraph.numParams()} counts only layers and
     * misses parameters held by graph vertices (all of the toolkit's recurrent and embedding parameters), so the count
     * comes from the flat parameter vector, which holds everything.
     */
    public long parameterCount() {
        return graph.params().length();
    }

    /**
     * Teacher-forced output distributions {@code [B, V, Tt]}; for a copy model the mixed distributions over the batch's
     * extended vocabulary {@code [B, V + n, Tt]}, zero at padded target steps.
     */
    public INDArray probabilities(Batch b) {
        INDArray out = graph.output(false, b.inputs(), b.inputMasks(), b.labelMasks())[0];
        if (config.copy() || !(graph.getVertex(Seq2SeqGraph.PROJECTION) instanceof OutputProjectionVertexImpl)) {
            return out;
        }
        // logits [B, Tt, V] -> softmax [B, V, Tt], zero at padded steps as the pre-6 output layer gave
        long rows = out.size(0) * out.size(1);
        INDArray p = Transforms.softmax(out.reshape('c', rows, out.size(2)), true);
        p.muliColumnVector(b.targetMask().castTo(p.dataType()).reshape('c', rows, 1));
        return p.reshape('c', out.size(0), out.size(1), out.size(2)).permute(0, 2, 1).dup('c');
    }

    /** Summed (not averaged) cross-entropy over all real target positions of the batch, teacher-forced, in nats. */
    public double lossSum(Batch b) {
        return graph.score(b.toMultiDataSet(), false) * b.size();
    }

    /**
     * Teacher-forced attention weights {@code [B, Tt, Ts]} over the source positions in the order the encoder saw them
     * (reversed when {@link ModelConfig#reverseSource()}; see {@link BatchFactory}).
     *
     * @throws IllegalStateException for a model without attention
     */
    public INDArray attentionWeights(Batch b) {
        if (attention == null) {
            throw new IllegalStateException("the model has no attention (model.attention is none)");
        }
        return attention.attentionWeights(this, b);
    }

    /** Runs the encoder side of the graph once for a batch of sources (ids without markers, in original order). */
    public EncodedSource encode(List<int[]> sources) {
        INDArray[] src = batches.sources(sources);
        INDArray dummyTarget = Nd4j.valueArrayOf(new long[]{sources.size(), 1}, symbols.bos(), src[0].dataType());
        INDArray dummyMask = Nd4j.ones(src[0].dataType(), sources.size(), 1);
        INDArray copyIds = config.copy() ? src[2] : null;
        // The graph runs in its topological order up to the last vertex decoding needs, with detached activations
        // (DL4J 1.0.0-M2.1's output(List<String>, ...) for a subset of vertices leaves a workspace open when a
        // computed vertex's consumer is not computed: Seq2SeqModelTest.dl4jSubsetOutputLeavesAWorkspaceOpen). The
        // decoder's dummy step and the output projection come after it: running them took 5–6 ms of a 37 ms encoding.
        graph.setLayerMaskArrays(copyIds == null ? new INDArray[]{src[1], dummyMask}
                : new INDArray[]{src[1], dummyMask, src[1]}, null);
        Map<String, INDArray> acts;
        try {
            acts = graph.feedForward(copyIds == null ? new INDArray[]{src[0], dummyTarget}
                    : new INDArray[]{src[0], dummyTarget, copyIds}, encodingEnd, false, true);
        } finally {
            graph.clearLayerMaskArrays();
        }
        INDArray initial = switch (config.decoderInit()) {
            case ZERO -> null;
            case LAST -> acts.get(Seq2SeqGraph.ENCODER_FINAL);
            case BRIDGE -> acts.get(Seq2SeqGraph.BRIDGE);
        };
        return new EncodedSource(acts.get(Seq2SeqGraph.ENCODER), src[1], acts.get(Seq2SeqGraph.ENCODER_FINAL), initial,
                copyIds);
    }

    /**
     * The width of the step's distributions for an encoded batch: the target vocabulary, and for a copy model also the
     * batch's extended ids (the largest number of out-of-vocabulary tokens of one source).
     */
    public int outputSize(EncodedSource encoded) {
        if (encoded.copyIds() == null) {
            return targetVocabulary;
        }
        return Math.max(targetVocabulary, encoded.copyIds().maxNumber().intValue() + 1);
    }

    /** The decoder's state before its first step. */
    public DecoderState start(EncodedSource encoded) {
        return DecoderState.start(decoder().stack(), encoded, config.inputFeeding(), attention != null);
    }

    /**
     * Result of one decoder step: the distribution of the next token over the vocabulary ({@code [B, V]}; over the
     * extended vocabulary, {@code [B, V + n]}, for a copy model) and the new state. A step of a model without copy
     * keeps the logits and takes their log-softmax only when {@link #logProbabilities} is asked for: greedy decoding
     * needs the best token and its log-probability alone ({@link #best}), which one softmax gives.
     */
    public static final class Step {
        private final INDArray logits;
        private INDArray logProbabilities;
        private RowSoftmax.Best best;
        private final DecoderState state;
        private final INDArray generation;

        private Step(INDArray logits, INDArray logProbabilities, DecoderState state, INDArray generation) {
            this.logits = logits;
            this.logProbabilities = logProbabilities;
            this.state = state;
            this.generation = generation;
        }

        /** A step from its log-probabilities ({@code generation}: a copy model's {@code p_gen [B, 1]}, or null). */
        public Step(INDArray logProbabilities, DecoderState state, INDArray generation) {
            this(null, logProbabilities, state, generation);
        }

        public Step(INDArray logProbabilities, DecoderState state) {
            this(null, logProbabilities, state, null);
        }

        /** A step from the logits of the next token. */
        public static Step ofLogits(INDArray logits, DecoderState state) {
            return new Step(logits, null, state, null);
        }

        /** Log-probabilities of the next token, {@code [B, V]}. */
        public INDArray logProbabilities() {
            if (logProbabilities == null) {
                logProbabilities = RowSoftmax.logSoftmax(logits);
            }
            return logProbabilities;
        }

        /** The most probable next token of every row and its log-probability. */
        public RowSoftmax.Best best() {
            if (best == null && logProbabilities == null) {
                best = RowSoftmax.best(logits);
            } else if (best == null) {
                int[] ids = logProbabilities.argMax(1).toIntVector();
                double[] values = new double[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    values[i] = logProbabilities.getDouble(i, ids[i]);
                }
                best = new RowSoftmax.Best(ids, values);
            }
            return best;
        }

        /** The log-probability of {@code token} as the next token of row {@code row}. */
        public double logProbability(int row, int token) {
            if (logProbabilities != null) {
                return logProbabilities.getDouble(row, token);
            }
            // log p = z - logsumexp(z), and logsumexp(z) = z_best - log p_best
            RowSoftmax.Best b = best();
            return logits.getDouble(row, token) - (logits.getDouble(row, b.ids()[row]) - b.logProbabilities()[row]);
        }

        /** The decoder state after the step. */
        public DecoderState state() {
            return state;
        }

        /** A copy model's {@code p_gen} {@code [B, 1]}, otherwise null. */
        public INDArray generation() {
            return generation;
        }
    }

    /**
     * Advances the decoder by one token.
     *
     * @param state    state before the step
     * @param previous the previous output token of every row (begin-of-sequence at the first step)
     */
    public Step step(DecoderState state, int[] previous) {
        int[] embedded = new int[previous.length];
        for (int i = 0; i < previous.length; i++) {
            embedded[i] = batches.embeddingId(previous[i]);
        }
        INDArray x = targetEmbedding().embedRows(embedded);
        if (config.feedContext()) {
            x = Nd4j.concat(1, x, state.encoded().finalState());
        }
        if (config.inputFeeding()) {
            x = Nd4j.concat(1, x, state.feed());
        }
        INDArray[][] layers = new INDArray[state.layers().length][];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = state.layers()[l].clone();
        }
        StepwiseStack dec = decoder();
        INDArray h = dec.stack().step(x, layers, dec.cellParams());
        if (config.copy()) {
            AttentionFactory.CopyStep c = attention.copyStep(graph, h, x, state.encoded(), state.coverage());
            return new Step(c.logProbabilities(), new DecoderState(layers, null, state.encoded(),
                    state.coverage().add(c.weights())), c.generation());
        }
        INDArray coverage = null;
        if (attention != null) {
            AttentionFactory.AttentionStep a = attention.step(graph, h, state.encoded(), state.coverage());
            h = a.output();
            coverage = state.coverage().add(a.weights());
        }
        INDArray logits;
        if (graph.getVertex(Seq2SeqGraph.PROJECTION) instanceof OutputProjectionVertexImpl p) {
            logits = p.logits(h);
        } else {
            // a model of format 5 or older: DL4J's RnnOutputLayer holds the projection
            var out = graph.getLayer(Seq2SeqGraph.OUTPUT);
            logits = Products.mmul(h, out.getParam("W")).addiRowVector(out.getParam("b"));
        }
        return Step.ofLogits(logits, new DecoderState(layers, config.inputFeeding() ? h : null,
                state.encoded(), coverage));
    }

    private StepwiseStack decoder() {
        return (StepwiseStack) graph.getVertex(Seq2SeqGraph.DECODER);
    }

    private EmbeddingVertexImpl targetEmbedding() {
        return (EmbeddingVertexImpl) graph.getVertex(config.sharedEmbeddings()
                ? Seq2SeqGraph.SHARED_EMBEDDING : Seq2SeqGraph.TARGET_EMBEDDED);
    }

    /** The decoder's cell parameters (views), for tests and extensions. */
    public List<CellParams> decoderParams() {
        return new ArrayList<>(decoder().cellParams());
    }

    /** The decoder's computation. */
    public RecurrentStack decoderStack() {
        return decoder().stack();
    }

    /**
     * Writes the model into {@code dir} ({@code graph.zip} with DL4J's serializer and {@code model.json} with the
     * architecture), each file atomically.
     */
    public void save(Path dir) {
        AtomicFiles.write(dir.resolve(GRAPH_FILE), out -> ModelSerializer.writeModel(graph, out, false));
        var meta = new Meta(SCHEMA, config, symbols, sourceVocabulary, targetVocabulary);
        AtomicFiles.write(dir.resolve(META_FILE), out -> Json.mapper().writeValue(out, meta));
    }

    /** The format version of the model written in {@code dir} ({@link #SCHEMA} for this version's). */
    public static int format(Path dir) {
        Path metaFile = dir.resolve(META_FILE);
        try {
            return Json.mapper().readTree(metaFile.toFile()).path("schema").asInt(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metaFile + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model written by {@link #save}. */
    public static Seq2SeqModel load(Path dir) {
        Path metaFile = dir.resolve(META_FILE);
        try {
            JsonNode node = Json.mapper().readTree(metaFile.toFile());
            int schema = node.path("schema").asInt(-1);
            if (schema < 1 || schema > SCHEMA) {
                throw new ModelFormatException(metaFile + ": model format " + schema + " is not supported (this "
                        + "version reads formats 1 to " + SCHEMA + ")");
            }
            if (schema < SCHEMA && node.path("config") instanceof com.fasterxml.jackson.databind.node.ObjectNode c) {
                if (!c.has("attention")) {
                    c.put("attention", "none");
                }
                if (!c.has("inputFeeding")) {
                    c.put("inputFeeding", false);
                }
                if (!c.has("copy")) {
                    c.put("copy", false);
                }
                if (!c.has("coverage")) {
                    c.put("coverage", false);
                }
                if (node.path("symbols") instanceof com.fasterxml.jackson.databind.node.ObjectNode sym
                        && !sym.has("unk")) {
                    sym.put("unk", -1);
                }
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("schema", SCHEMA);
            }
            Meta meta = Json.mapper().treeToValue(node, Meta.class);
            ComputationGraph g;
            try (InputStream in = Files.newInputStream(dir.resolve(GRAPH_FILE))) {
                g = ModelSerializer.restoreComputationGraph(in, false);
            }
            // format 6 introduced the projection vertex (older ones hold DL4J's output layer) and format 7 transposed it
            if (schema == 6 && g.getVertex(Seq2SeqGraph.PROJECTION) instanceof OutputProjectionVertexImpl p) {
                p.convertFromFormat6();
            }
            return new Seq2SeqModel(meta.config(), g, meta.symbols(), meta.sourceVocabulary(),
                    meta.targetVocabulary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The contents of {@code model.json}. */
    record Meta(int schema, ModelConfig config, Symbols symbols, int sourceVocabulary, int targetVocabulary) {
    }
}
