package org.seq2seq4j.data.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable bijection between token strings and the integer ids that index embedding rows and softmax classes.
 *
 * <p>Ids {@code 0..3} are always the special tokens {@link #PAD} ({@value #PAD_TOKEN}), {@link #BOS}
 * ({@value #BOS_TOKEN}), {@link #EOS} ({@value #EOS_TOKEN}) and {@link #UNK} ({@value #UNK_TOKEN}); ordinary tokens
 * follow from id 4. This class is the one place where padding, sequence boundaries and unknown tokens are turned
 * into ids and back: {@link #encode(List)} adds no boundaries, {@link #decode(int[])} strips them.
 *
 * <p>Persisted as JSON {@code {"schema":1,"tokens":["<pad>","<s>","</s>","<unk>", ...]}}, tokens in id order.
 * Two vocabularies are equal when their token lists are equal.
 */
public final class Vocabulary {

    /** Id of the padding token; padded time steps carry this id and a mask of 0. */
    public static final int PAD = 0;
    /** Id of the begin-of-sequence token fed to the decoder at its first step. */
    public static final int BOS = 1;
    /** Id of the end-of-sequence token the decoder emits to stop. */
    public static final int EOS = 2;
    /** Id that every out-of-vocabulary token maps to. */
    public static final int UNK = 3;

    /** Token string of {@link #PAD}. */
    public static final String PAD_TOKEN = "<pad>";
    /** Token string of {@link #BOS}. */
    public static final String BOS_TOKEN = "<s>";
    /** Token string of {@link #EOS}. */
    public static final String EOS_TOKEN = "</s>";
    /** Token string of {@link #UNK}. */
    public static final String UNK_TOKEN = "<unk>";

    /** The special tokens in id order; every vocabulary starts with exactly these. */
    public static final List<String> SPECIAL_TOKENS = List.of(PAD_TOKEN, BOS_TOKEN, EOS_TOKEN, UNK_TOKEN);

    /** Version of the JSON file layout written by {@link #save(Path)}. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> index = new HashMap<>(tokens.size() * 2);
        for (int id = 0; id < this.tokens.size(); id++) {
            index.put(this.tokens.get(id), id);
        }
        this.ids = Collections.unmodifiableMap(index);
    }

    /**
     * Builds a vocabulary from tokenised sequences in one counting pass.
     *
     * <p>Ordinary tokens are ordered by frequency, most frequent first; ties are broken by
     * {@link String#compareTo(String) natural string order}, so the result does not depend on the iteration order of
     * any hash map. Tokens equal to a special token string are not added again. Tokens seen fewer than
     * {@code minFrequency} times are left out, then the list is cut so that the whole vocabulary, specials included,
     * has at most {@code maxSize} entries.
     *
     * @param sequences    tokenised sequences, e.g. the source sides of the training pairs
     * @param maxSize      the largest allowed {@link #size()}, counting the four special tokens; at least 4
     *                     (use {@link Integer#MAX_VALUE} for no limit)
     * @param minFrequency the smallest number of occurrences a token needs to get its own id; at least 1
     * @return the vocabulary
     * @throws VocabularyException if {@code maxSize < 4}, {@code minFrequency < 1} or a token is {@code null}
     */
    public static Vocabulary build(Iterable<? extends List<String>> sequences, int maxSize, int minFrequency) {
        Objects.requireNonNull(sequences, "sequences");
        validateLimits(maxSize, minFrequency);
        return build(new TokenCounts().addAll(sequences), maxSize, minFrequency);
    }

    /**
     * Builds a vocabulary from token counts accumulated elsewhere, e.g. while streaming a corpus; ordered and limited
     * exactly as {@link #build(Iterable, int, int)}.
     *
     * @param counts       the token frequencies
     * @param maxSize      the largest allowed {@link #size()}, counting the four special tokens; at least 4
     * @param minFrequency the smallest number of occurrences a token needs to get its own id; at least 1
     * @return the vocabulary
     * @throws VocabularyException if {@code maxSize < 4} or {@code minFrequency < 1}
     */
    public static Vocabulary build(TokenCounts counts, int maxSize, int minFrequency) {
        Objects.requireNonNull(counts, "counts");
        validateLimits(maxSize, minFrequency);
        Comparator<Map.Entry<String, Long>> byFrequencyThenToken =
                Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
        List<String> ordered = new ArrayList<>(SPECIAL_TOKENS);
        counts.asMap().entrySet().stream()
                .filter(entry -> entry.getValue() >= minFrequency)
                .sorted(byFrequencyThenToken)
                .limit(maxSize - SPECIAL_TOKENS.size())
                .forEachOrdered(entry -> ordered.add(entry.getKey()));
        return new Vocabulary(ordered);
    }

    private static void validateLimits(int maxSize, int minFrequency) {
        if (maxSize < SPECIAL_TOKENS.size()) {
            throw new VocabularyException("maxSize must be at least " + SPECIAL_TOKENS.size()
                    + " (it counts the special tokens " + SPECIAL_TOKENS + "), got " + maxSize);
        }
        if (minFrequency < 1) {
            throw new VocabularyException("minFrequency must be at least 1, got " + minFrequency);
        }
    }

    /**
     * Creates a vocabulary from a complete token list, e.g. one read from another toolkit.
     *
     * @param tokensInIdOrder all tokens, the token at index {@code i} getting id {@code i}; must start with
     *                        {@link #SPECIAL_TOKENS} and contain no duplicates or {@code null}s
     * @return the vocabulary
     * @throws VocabularyException if the list does not start with the special tokens or has duplicates
     */
    public static Vocabulary of(List<String> tokensInIdOrder) {
        Objects.requireNonNull(tokensInIdOrder, "tokensInIdOrder");
        validateTokenList(tokensInIdOrder);
        return new Vocabulary(tokensInIdOrder);
    }

    private static void validateTokenList(List<String> tokensInIdOrder) {
        if (tokensInIdOrder.size() < SPECIAL_TOKENS.size()
                || !tokensInIdOrder.subList(0, SPECIAL_TOKENS.size()).equals(SPECIAL_TOKENS)) {
            List<String> head = tokensInIdOrder.subList(0, Math.min(SPECIAL_TOKENS.size(), tokensInIdOrder.size()));
            throw new VocabularyException("a vocabulary must start with the special tokens " + SPECIAL_TOKENS
                    + " in that order, but starts with " + head);
        }
        Map<String, Integer> firstIds = new HashMap<>();
        for (int id = 0; id < tokensInIdOrder.size(); id++) {
            String token = tokensInIdOrder.get(id);
            if (token == null) {
                throw new VocabularyException("token at id " + id + " is null");
            }
            Integer earlier = firstIds.putIfAbsent(token, id);
            if (earlier != null) {
                throw new VocabularyException("token '" + token + "' appears twice, at ids " + earlier + " and " + id);
            }
        }
    }

    /**
     * @param token a token string
     * @return its id, or {@link #UNK} if the token is not in the vocabulary
     */
    public int id(String token) {
        Objects.requireNonNull(token, "token");
        return ids.getOrDefault(token, UNK);
    }

    /**
     * @param id an id in {@code [0, size())}
     * @return the token with that id
     * @throws VocabularyException if the id is out of range
     */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new VocabularyException("id " + id + " is outside this vocabulary of size " + tokens.size()
                    + " (valid ids are 0.." + (tokens.size() - 1) + ")");
        }
        return tokens.get(id);
    }

    /** @return the number of ids, special tokens included */
    public int size() {
        return tokens.size();
    }

    /**
     * @param token a token string
     * @return whether the token has its own id (special tokens included)
     */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * Maps tokens to ids, unknown tokens to {@link #UNK}. Adds no {@link #BOS} or {@link #EOS}.
     *
     * @param tokens the tokens of one sequence
     * @return one id per token
     */
    public int[] encode(List<String> tokens) {
        int[] encoded = new int[tokens.size()];
        int position = 0;
        for (String token : tokens) {
            encoded[position++] = id(token);
        }
        return encoded;
    }

    /**
     * Maps ids back to tokens, as needed for decoder output: reading stops at the first {@link #EOS}, and
     * {@link #PAD} and {@link #BOS} are skipped. {@link #UNK} becomes {@value #UNK_TOKEN}.
     *
     * @param ids ids of one sequence
     * @return the tokens before the first EOS, without padding or BOS
     * @throws VocabularyException if an id before the first EOS is out of range
     */
    public List<String> decode(int[] ids) {
        List<String> decoded = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (id == EOS) {
                break;
            }
            if (id != PAD && id != BOS) {
                decoded.add(token(id));
            }
        }
        return Collections.unmodifiableList(decoded);
    }

    /** @return all tokens in id order, special tokens first; unmodifiable */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * Writes this vocabulary as JSON. The file is first written to a temporary file in the same directory and then
     * moved over {@code file} atomically, so a reader never sees a half-written vocabulary. Missing parent directories
     * are created.
     *
     * @param file the destination; replaced if it exists
     * @throws IOException if the file cannot be written or the file system cannot move atomically
     */
    public void save(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        ArrayNode tokenArray = root.putArray("tokens");
        tokens.forEach(tokenArray::add);
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a vocabulary written by {@link #save(Path)}.
     *
     * @param file a vocabulary JSON file
     * @return the vocabulary
     * @throws IOException         if the file cannot be read (e.g. it does not exist)
     * @throws VocabularyException if the file is not a valid vocabulary; the message names the file
     */
    public static Vocabulary load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new VocabularyException("vocabulary file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "expected a JSON object {\"schema\":1,\"tokens\":[...]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("schema") && !name.equals("tokens")) {
                throw corrupt(file, "unknown key '" + name + "'; valid keys are [schema, tokens]");
            }
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isInt()) {
            throw corrupt(file, "missing or non-integer \"schema\"");
        }
        if (schema.intValue() != SCHEMA_VERSION) {
            throw corrupt(file, "schema " + schema.intValue() + " is not supported; this version reads schema "
                    + SCHEMA_VERSION);
        }
        JsonNode tokenArray = root.get("tokens");
        if (tokenArray == null || !tokenArray.isArray()) {
            throw corrupt(file, "missing \"tokens\" array");
        }
        List<String> tokens = new ArrayList<>(tokenArray.size());
        for (int id = 0; id < tokenArray.size(); id++) {
            JsonNode token = tokenArray.get(id);
            if (!token.isTextual()) {
                throw corrupt(file, "token at id " + id + " is not a string: " + token);
            }
            tokens.add(token.textValue());
        }
        try {
            return of(tokens);
        } catch (VocabularyException e) {
            throw new VocabularyException("vocabulary file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    private static VocabularyException corrupt(Path file, String problem) {
        return new VocabularyException("vocabulary file " + file + " is invalid: " + problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vocabulary vocabulary && tokens.equals(vocabulary.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[size=" + tokens.size() + "]";
    }
}
