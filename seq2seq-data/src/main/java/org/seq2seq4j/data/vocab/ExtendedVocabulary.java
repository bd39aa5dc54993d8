package org.seq2seq4j.data.vocab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The extended vocabulary of one example for a pointer-generator copy model (See et al. 2017, section 2.2): a
 * {@link Vocabulary} shared by source and target, followed by the distinct out-of-vocabulary tokens of the example's
 * source. With {@code V = vocabulary.size()}, id {@code i < V} is the vocabulary's token {@code i}, and id
 * {@code V + k} is {@code sourceOovs().get(k)}, the {@code k}-th distinct source token outside the vocabulary in order
 * of first occurrence in the source as written (before any reversal, which the model applies itself).
 *
 * <p>This is the one place where a copy model's ids are made and read back: {@link #encode(List)} maps a source token
 * or a target token to its extended id (a target token outside both the vocabulary and this source becomes
 * {@link Vocabulary#UNK}, since it cannot be copied), and {@link #decode(int[])} maps a copy model's output, which
 * may hold ids {@code >= V}, back to tokens. Like {@link Vocabulary#encode(List)}, encoding adds no {@code <s>} or
 * {@code </s>}.
 *
 * @param vocabulary the vocabulary shared by source and target
 * @param sourceOovs the distinct source tokens outside {@code vocabulary}, in order of first occurrence; copied,
 *                   unmodifiable
 */
public record ExtendedVocabulary(Vocabulary vocabulary, List<String> sourceOovs) {

    /** Rejects OOV lists with repeats or with tokens that the vocabulary has. */
    public ExtendedVocabulary {
        Objects.requireNonNull(vocabulary, "vocabulary");
        sourceOovs = List.copyOf(sourceOovs);
        Set<String> seen = new LinkedHashSet<>();
        for (String token : sourceOovs) {
            if (vocabulary.contains(token)) {
                throw new VocabularyException("'" + token + "' is in the vocabulary (id " + vocabulary.id(token)
                        + "), so it is not an out-of-vocabulary source token");
            }
            if (!seen.add(token)) {
                throw new VocabularyException("out-of-vocabulary source token '" + token + "' is listed twice in "
                        + sourceOovs + "; each distinct token gets one extended id");
            }
        }
    }

    /**
     * The extended vocabulary of one example.
     *
     * @param vocabulary the vocabulary shared by source and target
     * @param source     the example's source tokens, in their original order
     * @return {@code vocabulary} extended by the distinct source tokens it lacks, in order of first occurrence
     */
    public static ExtendedVocabulary of(Vocabulary vocabulary, List<String> source) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Set<String> oovs = new LinkedHashSet<>();
        for (String token : source) {
            if (!vocabulary.contains(Objects.requireNonNull(token, "source token"))) {
                oovs.add(token);
            }
        }
        return new ExtendedVocabulary(vocabulary, new ArrayList<>(oovs));
    }

    /** @return the number of extended ids, {@code vocabulary().size() + sourceOovs().size()} */
    public int size() {
        return vocabulary.size() + sourceOovs.size();
    }

    /**
     * @param token a source or target token
     * @return its vocabulary id; else {@code V + k} if it is the {@code k}-th source OOV; else {@link Vocabulary#UNK}
     */
    public int id(String token) {
        Objects.requireNonNull(token, "token");
        if (vocabulary.contains(token)) {
            return vocabulary.id(token);
        }
        int k = sourceOovs.indexOf(token);
        return k < 0 ? Vocabulary.UNK : vocabulary.size() + k;
    }

    /**
     * Maps tokens to extended ids with {@link #id(String)}; adds no {@code <s>} or {@code </s>}. For the example's own
     * source every token gets its own id (no {@link Vocabulary#UNK} unless the source holds {@code <unk>} itself).
     *
     * @param tokens the source or the target of this example
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
     * @param id an extended id in {@code [0, size())}
     * @return the vocabulary token for {@code id < V}, else the source OOV {@code id - V}
     * @throws VocabularyException if the id is negative or not below {@link #size()}
     */
    public String token(int id) {
        int v = vocabulary.size();
        if (id < 0 || id >= size()) {
            throw new VocabularyException("id " + id + " is outside this example's extended vocabulary: "
                    + v + " vocabulary ids plus " + sourceOovs.size() + " source OOV" + (sourceOovs.size() == 1 ? ""
                    : "s") + " " + sourceOovs + " (valid ids are 0.." + (size() - 1) + "; id V + k is the k-th "
                    + "distinct source token outside the vocabulary, so the id does not belong to this source)");
        }
        return id < v ? vocabulary.token(id) : sourceOovs.get(id - v);
    }

    /**
     * Maps a copy model's output ids back to tokens as {@link Vocabulary#decode(int[])} does: reading stops at the
     * first {@link Vocabulary#EOS}, {@link Vocabulary#PAD} and {@link Vocabulary#BOS} are skipped, and id
     * {@code V + k} becomes the source OOV {@code k}.
     *
     * @param ids output ids of this example
     * @return the tokens before the first EOS, without padding or BOS
     * @throws VocabularyException if an id before the first EOS is outside the extended vocabulary
     */
    public List<String> decode(int[] ids) {
        List<String> decoded = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (id == Vocabulary.EOS) {
                break;
            }
            if (id != Vocabulary.PAD && id != Vocabulary.BOS) {
                decoded.add(token(id));
            }
        }
        return Collections.unmodifiableList(decoded);
    }
}
