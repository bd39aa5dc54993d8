package org.seq2seq4j.data.pair;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic train/dev/test split of a single-file corpus by seed. JSON:
 * {@code {"seed":1,"devSize":2000,"testSize":2000}}.
 *
 * <p><b>Duplicates.</b> Pairs are grouped by their tokenized source sentence, and a group is never divided: all
 * translations of one source sentence land in the same split. So an identical source sentence cannot be in both train
 * and test (Tatoeba has many English sentences with several French translations), and exact duplicate pairs stay
 * together too; they are kept, not removed. Grouping uses the tokens as given, so with a lowercasing tokenizer
 * {@code Run!} and {@code run!} are one group, otherwise two.
 *
 * <p><b>Algorithm.</b> The groups, in order of first appearance, are shuffled with a {@link Random} seeded with
 * {@code seed}; then in that order each group goes to test if it still fits into {@code testSize}, else to dev if it
 * still fits into {@code devSize}, else to train. Every split keeps the corpus order of its pairs.
 *
 * <p><b>Guarantees.</b> Same pairs and seed give the same splits on every JVM (the shuffle algorithm of
 * {@link java.util.Collections#shuffle(List, java.util.Random)} with {@link Random} is fixed by the Java SE
 * specification). Dev and test have exactly {@code devSize} and {@code testSize} pairs; if the groups left cannot
 * fill them exactly (only when the corpus is small or consists of large groups) the split fails rather than returning
 * other sizes. Test depends only on the pairs, the seed and {@code testSize}; dev also on {@code devSize}. Groups
 * larger than the free room go to train, so dev and test slightly favour sentences with few translations.
 *
 * @param seed     the shuffle seed
 * @param devSize  number of development pairs, at least 0
 * @param testSize number of test pairs, at least 0
 */
public record CorpusSplit(@JsonProperty(required = true) long seed,
                          @JsonProperty(required = true) int devSize,
                          @JsonProperty(required = true) int testSize) {

    /** Validates the sizes. */
    public CorpusSplit {
        DatasetConfigException.requireAtLeast("devSize", devSize, 0);
        DatasetConfigException.requireAtLeast("testSize", testSize, 0);
    }

    /**
     * @param pairs the whole corpus, e.g. after length filtering
     * @return the three splits, disjoint by source sentence, each in corpus order
     * @throws DatasetConfigException if dev and test cannot be filled to exactly their sizes
     */
    public DatasetSplits apply(List<SequencePair> pairs) {
        Map<List<String>, List<Integer>> groupsBySource = new LinkedHashMap<>();
        for (int index = 0; index < pairs.size(); index++) {
            groupsBySource.computeIfAbsent(pairs.get(index).source(), source -> new ArrayList<>()).add(index);
        }
        List<List<Integer>> groups = new ArrayList<>(groupsBySource.values());
        Collections.shuffle(groups, new Random(seed));
        boolean[] inTest = new boolean[pairs.size()];
        boolean[] inDev = new boolean[pairs.size()];
        int testCount = 0;
        int devCount = 0;
        for (List<Integer> group : groups) {
            if (testCount + group.size() <= testSize) {
                group.forEach(index -> inTest[index] = true);
                testCount += group.size();
            } else if (devCount + group.size() <= devSize) {
                group.forEach(index -> inDev[index] = true);
                devCount += group.size();
            }
        }
        if (testCount < testSize || devCount < devSize) {
            throw new DatasetConfigException(testCount < testSize ? "testSize" : "devSize",
                    testCount < testSize ? testSize : devSize, "cannot split " + pairs.size() + " pairs with "
                    + groups.size() + " distinct source sentences into exactly " + testSize + " test and " + devSize
                    + " dev pairs without dividing a group of pairs with the same source; got " + testCount
                    + " test and " + devCount + " dev pairs. Ask for fewer dev or test pairs.");
        }
        List<SequencePair> train = new ArrayList<>(pairs.size() - testCount - devCount);
        List<SequencePair> dev = new ArrayList<>(devCount);
        List<SequencePair> test = new ArrayList<>(testCount);
        for (int index = 0; index < pairs.size(); index++) {
            (inTest[index] ? test : inDev[index] ? dev : train).add(pairs.get(index));
        }
        return new DatasetSplits(train, dev, test);
    }
}
