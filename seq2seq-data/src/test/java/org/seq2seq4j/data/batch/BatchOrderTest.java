package org.seq2seq4j.data.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchOrderTest {

    private static final int EXAMPLES = 1003;
    private static final int BATCH_SIZE = 16;

    /** Zipf-like lengths 1..60, as in a real corpus where short sentences dominate; target ≈ source. */
    private static final int[] SOURCE_LENGTHS = new int[EXAMPLES];
    private static final int[] TARGET_LENGTHS = new int[EXAMPLES];

    static {
        Random random = new Random(11);
        for (int index = 0; index < EXAMPLES; index++) {
            SOURCE_LENGTHS[index] = 1 + (int) Math.min(59, Math.abs(random.nextGaussian()) * 12);
            TARGET_LENGTHS[index] = Math.max(1, SOURCE_LENGTHS[index] + random.nextInt(5) - 2);
        }
    }

    static Stream<BatchOrder> everyOrder() {
        return Stream.of(new ShuffledBatches(), new LengthBucketedBatches(1), new LengthBucketedBatches(10),
                new LengthBucketedBatches(1000));
    }

    private static List<List<Integer>> batches(BatchOrder order, long seed) {
        return order.batches(SOURCE_LENGTHS, TARGET_LENGTHS, BATCH_SIZE, seed);
    }

    @ParameterizedTest
    @MethodSource("everyOrder")
    void everyExampleIsInExactlyOneBatch(BatchOrder order) {
        List<Integer> seen = new ArrayList<>();
        batches(order, 5).forEach(seen::addAll);
        Collections.sort(seen);
        List<Integer> expected = new ArrayList<>();
        for (int index = 0; index < EXAMPLES; index++) {
            expected.add(index);
        }
        assertEquals(expected, seen);
    }

    @ParameterizedTest
    @MethodSource("everyOrder")
    void allBatchesAreFullButAtMostOne(BatchOrder order) {
        List<List<Integer>> batches = batches(order, 5);
        assertEquals((EXAMPLES + BATCH_SIZE - 1) / BATCH_SIZE, batches.size());
        assertEquals(1, batches.stream().filter(batch -> batch.size() != BATCH_SIZE).count());
        assertTrue(batches.stream().allMatch(batch -> !batch.isEmpty() && batch.size() <= BATCH_SIZE));
    }

    @ParameterizedTest
    @MethodSource("everyOrder")
    void sameSeedGivesTheSameBatchesAndAnotherSeedOthers(BatchOrder order) {
        assertEquals(batches(order, 7), batches(order, 7));
        assertNotEquals(batches(order, 7), batches(order, 8));
    }

    @Test
    void bucketingPadsLessThanShuffling() {
        PaddingReport shuffled = PaddingReport.of(batches(new ShuffledBatches(), 3), SOURCE_LENGTHS, TARGET_LENGTHS);
        PaddingReport bucketed = PaddingReport.of(batches(new LengthBucketedBatches(20), 3), SOURCE_LENGTHS,
                TARGET_LENGTHS);
        assertTrue(bucketed.sourceRatio() < shuffled.sourceRatio() / 3,
                "source padding " + bucketed.sourceRatio() + " vs " + shuffled.sourceRatio());
        assertTrue(bucketed.targetRatio() < shuffled.targetRatio() / 2,
                "target padding " + bucketed.targetRatio() + " vs " + shuffled.targetRatio());
    }

    @Test
    void largerChunksPadLess() {
        double previous = 1;
        for (int chunkBatches : new int[]{1, 4, 16, 64}) {
            double ratio = PaddingReport.of(batches(new LengthBucketedBatches(chunkBatches), 3), SOURCE_LENGTHS,
                    TARGET_LENGTHS).sourceRatio();
            assertTrue(ratio < previous, chunkBatches + " chunk batches: " + ratio + " not below " + previous);
            previous = ratio;
        }
    }

    @Test
    void bucketedBatchesAreNotInLengthOrder() {
        List<List<Integer>> batches = batches(new LengthBucketedBatches(1000), 3);
        List<Integer> firstLengths = batches.stream().limit(10).map(batch -> SOURCE_LENGTHS[batch.get(0)]).toList();
        List<Integer> sorted = new ArrayList<>(firstLengths);
        Collections.sort(sorted);
        assertNotEquals(sorted, firstLengths, "the order of batches is shuffled");
    }

    @Test
    void shuffledOrderIsTheCoreTrainersShuffle() {
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            order.add(index);
        }
        Collections.shuffle(order, new Random(99));
        List<List<Integer>> batches = new ShuffledBatches().batches(new int[10], new int[10], 4, 99);
        assertEquals(List.of(order.subList(0, 4), order.subList(4, 8), order.subList(8, 10)), batches);
    }

    @Test
    void acceptsIdSequencesAndPairs() {
        List<int[]> sources = List.of(new int[]{4, 5}, new int[]{4}, new int[]{6, 7, 8});
        List<int[]> targets = List.of(new int[]{9}, new int[]{9, 9}, new int[]{9});
        List<SequencePair> pairs = List.of(new SequencePair(List.of("a", "b"), List.of("x")),
                new SequencePair(List.of("a"), List.of("x", "x")), new SequencePair(List.of("c", "d", "e"), List.of("x")));
        BatchOrder order = new LengthBucketedBatches(2);
        assertEquals(order.batches(new int[]{2, 1, 3}, new int[]{1, 2, 1}, 2, 4), order.batches(sources, targets, 2, 4));
        assertEquals(order.batches(sources, targets, 2, 4), order.batches(pairs, 2, 4));
    }

    @Test
    void emptyInputGivesNoBatches() {
        assertEquals(List.of(), new LengthBucketedBatches(3).batches(new int[0], new int[0], 4, 1));
    }

    @Test
    void rejectsBadArguments() {
        assertEquals("batchSize must be at least 1, got 0", assertThrows(BatchOrderException.class,
                () -> new ShuffledBatches().batches(new int[1], new int[1], 0, 1)).getMessage());
        assertEquals("every example needs a source and a target length, got 2 source and 1 target lengths",
                assertThrows(BatchOrderException.class,
                        () -> new LengthBucketedBatches(2).batches(new int[2], new int[1], 4, 1)).getMessage());
        assertEquals("chunkBatches must be at least 1, got 0",
                assertThrows(BatchOrderException.class, () -> new LengthBucketedBatches(0)).getMessage());
    }

    @Test
    void readsAndWritesTypeNamesInJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(new LengthBucketedBatches(100), mapper.readValue("""
                {"type": "bucketed", "chunkBatches": 100}""", BatchOrder.class));
        assertEquals(new ShuffledBatches(), mapper.readValue("{\"type\": \"shuffled\"}", BatchOrder.class));
        assertEquals("{\"type\":\"bucketed\",\"chunkBatches\":100}",
                mapper.writerFor(BatchOrder.class).writeValueAsString(new LengthBucketedBatches(100)));
        assertEquals("{\"type\":\"shuffled\"}",
                mapper.writerFor(BatchOrder.class).writeValueAsString(new ShuffledBatches()));
        InvalidTypeIdException error = assertThrows(InvalidTypeIdException.class,
                () -> mapper.readValue("{\"type\": \"sorted\"}", BatchOrder.class));
        assertTrue(error.getMessage().contains("bucketed") && error.getMessage().contains("shuffled"),
                error.getMessage());
    }
}
