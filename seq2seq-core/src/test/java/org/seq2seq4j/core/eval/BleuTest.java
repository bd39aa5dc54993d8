package org.seq2seq4j.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.config.ConfigException;

/**
 * Corpus BLEU against sacreBLEU. Golden values come from (a) sacreBLEU's README and its test suite
 * ({@code test/test_bleu.py}, {@code test/test_sentence_bleu.py} in mjpost/sacrebleu), cited where used, and (b) the
 * output of sacreBLEU 2.6.0 run locally (installed from its wheel in a virtualenv), printed with {@code repr} so the
 * full double is known; those are marked "sacreBLEU 2.6.0". The implementation was also compared with sacreBLEU 2.6.0
 * on several thousand random corpora over all options offered here, agreeing to 1e-13.
 */
class BleuTest {

    private static final double EPS = 1e-9;

    /** The example of sacreBLEU's README (and {@code test_bleu.py}). */
    static final List<String> README_HYPS = List.of(
            "The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    static final List<String> README_REFS_1 = List.of(
            "The dog bit the man.", "It was not unexpected.", "The man bit him first.");
    static final List<String> README_REFS_2 = List.of(
            "The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");

    private final Bleu bleu = Bleu.sacreBleuDefaults();

    private static Bleu bleu(BleuOptions options) {
        return new Bleu(options);
    }

    @Test
    void readmeExampleWithBothReferenceStreamsScores48_53() {
        // README: "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)";
        // test_bleu.py: 48.530827; full doubles from sacreBLEU 2.6.0
        BleuScore s = bleu.corpusScore(README_HYPS, List.of(README_REFS_1, README_REFS_2));
        assertEquals(48.530827009929865, s.score(), EPS);
        assertEquals(List.of(14L, 7L, 5L, 3L), s.matches());
        assertEquals(List.of(17L, 14L, 11L, 8L), s.totals());
        assertEquals(82.3529411764706, s.precisions().get(0), EPS);
        assertEquals(50.0, s.precisions().get(1), EPS);
        assertEquals(45.45454545454545, s.precisions().get(2), EPS);
        assertEquals(37.5, s.precisions().get(3), EPS);
        assertEquals(0.9428731438548749, s.brevityPenalty(), EPS);
        assertEquals(0.9444444444444444, s.ratio(), EPS);
        assertEquals(17, s.hypothesisLength());
        assertEquals(18, s.referenceLength());
        assertEquals("BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
                s.toString());
        assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", s.signature());
        assertEquals("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 48.53 82.4/50.0/45.5/37.5 "
                + "(BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)", s.format());
    }

    @Test
    void readmeExampleWithFirstReferenceStreamOnly() {
        // sacreBLEU 2.6.0: BLEU = 45.07 70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)
        BleuScore s = bleu.corpusScore(README_HYPS, List.of(README_REFS_1));
        assertEquals(45.06750632106114, s.score(), EPS);
        assertEquals("BLEU = 45.07 70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)",
                s.toString());
        assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", s.signature());
    }

    @Test
    void readmeExampleWithoutTokenization() {
        // test_bleu.py: tokenize='none' gives 49.1919566
        BleuScore s = bleu(BleuOptions.defaults().withTokenizer(BleuTokenizer.NONE))
                .corpusScore(README_HYPS, List.of(README_REFS_1, README_REFS_2));
        assertEquals(49.1919566, s.score(), 1e-7);
        assertEquals("nrefs:2|case:mixed|eff:no|tok:none|smooth:exp|version:2.6.0", s.signature());
    }

    @Test
    void readmeExampleIsUnchangedWithoutSmoothingSinceEveryOrderMatches() {
        // test_bleu.py: smooth_method='none' gives 48.530827
        BleuScore s = bleu(BleuOptions.defaults().withSmoothing(BleuSmoothing.NONE))
                .corpusScore(README_HYPS, List.of(README_REFS_1, README_REFS_2));
        assertEquals(48.530827, s.score(), 1e-6);
        assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:none|version:2.6.0", s.signature());
    }

    @Test
    void identicalTextScores100() {
        List<String> text = List.of("The dog bit the man.", "Hello, world!", "It costs $3.50, or 3,000 yen.");
        BleuScore s = bleu.corpusScore(text, List.of(text));
        assertEquals(100.0, s.score(), 1e-9);
        assertEquals(1.0, s.brevityPenalty());
        s.precisions().forEach(p -> assertEquals(100.0, p, 1e-12));
    }

    @Test
    void emptyHypothesesScoreZero() {
        // test_bleu.py: ('', '', '') against the README references gives 0.0;
        // sacreBLEU 2.6.0 with the first stream: BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 17
        BleuScore s = bleu.corpusScore(List.of("", "", ""), List.of(README_REFS_1));
        assertEquals(0.0, s.score());
        assertEquals(0.0, s.brevityPenalty());
        assertEquals("BLEU = 0.00 0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 17)", s.toString());
    }

    @Test
    void expSmoothingGivesAZeroFourGramOrderHalfACount() {
        // test_bleu.py test_case_statistics: counts [4, 2, 1, 0], totals [6, 5, 4, 3].
        // exp smoothing: p4 = 100 / (2 * 3); score from sacreBLEU 2.6.0.
        List<String> hyp = List.of("am I am a character sequence");
        List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
        BleuScore s = bleu.corpusScore(hyp, ref);
        assertEquals(List.of(4L, 2L, 1L, 0L), s.matches());
        assertEquals(List.of(6L, 5L, 4L, 3L), s.totals());
        assertEquals(100.0 / 6, s.precisions().get(3), 1e-12);
        assertEquals(0.7165313105737893, s.brevityPenalty(), EPS);
        assertEquals(23.263472697663296, s.score(), EPS);
        // without smoothing the zero 4-gram precision zeroes the score (sacreBLEU 2.6.0: 0.0)
        assertEquals(0.0, bleu(BleuOptions.defaults().withSmoothing(BleuSmoothing.NONE)).corpusScore(hyp, ref).score());
    }

    @Test
    void expSmoothingHalvesAgainForEachFurtherZeroOrder() {
        // test_sentence_bleu.py (sacreBLEU issue #98), sentence BLEU = effective order: exp 8.493, tok none 7.347,
        // no smoothing 0.0; full doubles from sacreBLEU 2.6.0. Counts [5, 2, 0, 0] of [14, 13, 12, 11]:
        // p3 = 100 / (2 * 12), p4 = 100 / (4 * 11).
        List<String> hyp = List.of("Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;");
        List<List<String>> ref = List.of(List.of("producţia de zahăr brut se exprimă în zahăr alb;"));
        BleuOptions sentence = BleuOptions.defaults().withEffectiveOrder(true);
        BleuScore s = bleu(sentence).corpusScore(hyp, ref);
        assertEquals(List.of(5L, 2L, 0L, 0L), s.matches());
        assertEquals(100.0 / 24, s.precisions().get(2), 1e-12);
        assertEquals(100.0 / 44, s.precisions().get(3), 1e-12);
        assertEquals(8.493098745313148, s.score(), EPS);
        assertEquals("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", s.signature());
        assertEquals(7.347053125977879,
                bleu(sentence.withTokenizer(BleuTokenizer.NONE)).corpusScore(hyp, ref).score(), EPS);
        assertEquals(0.0, bleu(sentence.withSmoothing(BleuSmoothing.NONE)).corpusScore(hyp, ref).score());
    }

    @Test
    void noMatchAtAllScoresZeroEvenWithSmoothing() {
        // test_sentence_bleu.py (sacreBLEU issue #141): 0.0 for every smoothing method
        BleuScore s = bleu(BleuOptions.defaults().withEffectiveOrder(true))
                .corpusScore(List.of("this is a cat"), List.of(List.of("okay thanks")));
        assertEquals(0.0, s.score());
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0), s.precisions());
    }

    @Test
    void brevityPenaltyIsBelowOneForAShortHypothesis() {
        // sacreBLEU 2.6.0: 60.653065971263366, BP = exp(1 - 6/4), all precisions 100
        BleuScore s = bleu.corpusScore(List.of("the cat sat on"), List.of(List.of("the cat sat on the mat")));
        assertEquals(Math.exp(1 - 6.0 / 4), s.brevityPenalty(), 1e-15);
        assertTrue(s.brevityPenalty() < 1);
        assertEquals(60.653065971263366, s.score(), EPS);
        assertEquals(4.0 / 6, s.ratio(), 1e-15);
    }

    @Test
    void hypothesesShorterThanTheMaxOrderScoreZeroUnlessEffectiveOrder() {
        // sacreBLEU 2.6.0: no 4-gram at all ends the precision loop; 0.0 without effective order, 36.78794411714425
        // (= BP, the three precisions being 100) with it
        List<String> hyp = List.of("the cat sat");
        List<List<String>> ref = List.of(List.of("the cat sat on the mat"));
        assertEquals(0.0, bleu.corpusScore(hyp, ref).score());
        assertEquals(36.78794411714425,
                bleu(BleuOptions.defaults().withEffectiveOrder(true)).corpusScore(hyp, ref).score(), EPS);
    }

    @Test
    void referenceLengthIsTheClosestAndTheShorterOnATie() {
        // sacreBLEU 2.6.0: hyp_len 5 between references of 4 and 6 words gives ref_len 4
        BleuScore s = bleu.corpusScore(List.of("a b c d e"), List.of(List.of("a b c d"), List.of("a b c d e f")));
        assertEquals(4, s.referenceLength());
        assertEquals(1.0, s.brevityPenalty());
        assertEquals(4, Bleu.closestReferenceLength(5, List.of(6, 4)));
        assertEquals(6, Bleu.closestReferenceLength(6, List.of(4, 6, 7)));
    }

    @Test
    void matchesAreClippedByTheReferenceWithMostOccurrences() {
        // sacreBLEU 2.6.0: counts [2, 1, 0, 0] of [4, 3, 2, 1], ref_len 3, BLEU 31.947155212313625
        BleuScore s = bleu.corpusScore(List.of("the the the the"),
                List.of(List.of("the cat"), List.of("the the mat")));
        assertEquals(List.of(2L, 1L, 0L, 0L), s.matches());
        assertEquals(3, s.referenceLength());
        assertEquals(31.947155212313625, s.score(), EPS);
    }

    @Test
    void missingReferencesMakeTheCountVariable() {
        // sacreBLEU 2.6.0 with None in the second stream: 68.96662857896068, nrefs:var
        BleuScore s = bleu.corpusScore(List.of("The dog bit the man.", "It wasn't surprising."),
                List.of(List.of("The dog bit the man.", "It was not unexpected."),
                        Arrays.asList(null, "It was not surprising.")));
        assertEquals(68.96662857896068, s.score(), EPS);
        assertEquals("nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", s.signature());
    }

    @Test
    void lowercaseOptionIgnoresCase() {
        // sacreBLEU 2.6.0: 17.965205598154213 mixed case, 100 lowercased (case:lc)
        List<String> hyp = List.of("THE DOG bit the Man.");
        List<List<String>> ref = List.of(List.of("the dog bit the man."));
        assertEquals(17.965205598154213, bleu.corpusScore(hyp, ref).score(), EPS);
        BleuScore lc = bleu(BleuOptions.defaults().withLowercase(true)).corpusScore(hyp, ref);
        assertEquals(100.0, lc.score(), 1e-9);
        assertEquals("nrefs:1|case:lc|eff:no|tok:13a|smooth:exp|version:2.6.0", lc.signature());
    }

    @Test
    void scoresSummedStatisticsAsComputeBleu() {
        // test_bleu.py test_case_scoring: counts [9, 7, 5, 3], totals [10, 8, 6, 4], lengths 11 and 11: 0.8375922397
        BleuStats stats = new BleuStats(1, 1, 1, 11, 11, List.of(9L, 7L, 5L, 3L), List.of(10L, 8L, 6L, 4L));
        assertEquals(83.75922397086269, bleu.score(stats).score(), EPS);
    }

    @Test
    void corpusScoreIsTheScoreOfTheSummedSegmentStatistics() {
        List<List<String>> refs = List.of(README_REFS_1, README_REFS_2);
        List<BleuStats> segments = bleu.corpusStats(README_HYPS, refs);
        assertEquals(3, segments.size());
        BleuStats sum = BleuStats.sum(segments, 4);
        assertEquals(bleu.corpusScore(README_HYPS, refs), bleu.score(sum));
        // addition is commutative and associative, with empty() as its zero
        BleuStats a = segments.get(0);
        BleuStats b = segments.get(1);
        BleuStats c = segments.get(2);
        assertEquals(a.plus(b).plus(c), c.plus(a.plus(b)));
        assertEquals(a, a.plus(BleuStats.empty(4)));
        assertEquals(a, BleuStats.empty(4).plus(a));
        assertEquals(3, sum.segments());
        assertEquals("2", sum.nrefs());
    }

    @Test
    void oneBucketScoresLikeTheWholeCorpus() {
        List<List<String>> refs = List.of(README_REFS_1, README_REFS_2);
        List<BleuStats> segments = bleu.corpusStats(README_HYPS, refs);
        SortedMap<String, BucketScore<BleuScore>> buckets = bleu.scoreByBucket(segments, i -> "all");
        assertEquals(1, buckets.size());
        assertEquals(3, buckets.get("all").segments());
        assertEquals(bleu.corpusScore(README_HYPS, refs), buckets.get("all").score());
    }

    @Test
    void eachBucketScoresLikeTheCorpusOfItsSegments() {
        List<String> hyps = new ArrayList<>(README_HYPS);
        hyps.add("the cat sat on");
        List<String> refs = new ArrayList<>(README_REFS_1);
        refs.add("the cat sat on the mat");
        // bucket by hypothesis length in words (5, 3, 6, 4): 0..4 and 5..9, sorted by key
        List<BleuStats> segments = bleu.corpusStats(hyps, List.of(refs));
        SortedMap<Integer, BucketScore<BleuScore>> buckets =
                bleu.scoreByBucket(segments, i -> hyps.get(i).split(" ").length / 5 * 5);
        assertEquals(List.of(0, 5), List.copyOf(buckets.keySet()));
        assertEquals(2, buckets.get(0).segments());
        assertEquals(2, buckets.get(5).segments());
        assertEquals(bleu.corpusScore(List.of(hyps.get(1), hyps.get(3)), List.of(List.of(refs.get(1), refs.get(3)))),
                buckets.get(0).score());
        assertEquals(bleu.corpusScore(List.of(hyps.get(0), hyps.get(2)), List.of(List.of(refs.get(0), refs.get(2)))),
                buckets.get(5).score());
    }

    @Test
    void rejectsDifferentNumbersOfHypothesesAndReferences() {
        SegmentCountMismatchException e = assertThrows(SegmentCountMismatchException.class,
                () -> bleu.corpusScore(README_HYPS, List.of(README_REFS_1.subList(0, 2))));
        assertEquals(3, e.hypotheses());
        assertEquals(2, e.references());
        assertTrue(e.getMessage().startsWith("3 hypotheses but 2 references"), e.getMessage());
        SegmentCountMismatchException second = assertThrows(SegmentCountMismatchException.class,
                () -> bleu.corpusScore(README_HYPS, List.of(README_REFS_1, README_REFS_2.subList(0, 1))));
        assertEquals(1, second.stream());
        assertTrue(second.getMessage().contains("reference stream 1"), second.getMessage());
    }

    @Test
    void rejectsEmptyCorporaNullHypothesesAndSegmentsWithoutReference() {
        assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(List.of(), List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> bleu.corpusScore(Arrays.asList("a", null), List.of(List.of("a", "b"))));
        assertThrows(IllegalArgumentException.class,
                () -> bleu.corpusScore(List.of("a", "b"), List.of(Arrays.asList("a", null))));
        assertThrows(IllegalArgumentException.class, () -> bleu.score(BleuStats.empty(4)));
        assertThrows(IllegalArgumentException.class, () -> bleu.score(BleuStats.empty(3)));
    }

    @Test
    void rejectsAMaxOrderBelowOne() {
        ConfigException e = assertThrows(ConfigException.class, () -> BleuOptions.defaults().withMaxNgramOrder(0));
        assertTrue(e.getMessage().contains("maxNgramOrder"), e.getMessage());
    }

    @Test
    void roundsReportsAsPythonDoes() {
        // Python: f"{0.125:.2f}" == '0.12', f"{2.675:.2f}" == '2.67' (String.format gives 0.13 and 2.68)
        assertEquals("0.12", SacreBleuSignature.fixed(0.125, 2));
        assertEquals("2.67", SacreBleuSignature.fixed(2.675, 2));
        assertEquals("100.00", SacreBleuSignature.fixed(100.00000000000004, 2));
    }
}
