package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Reference streams as sacreBLEU takes them ({@code refs[stream][segment]}) turned into the references of each segment.
 * A {@code null} line in a stream means that segment has no reference in that stream, as in sacreBLEU, which allows a
 * variable number of references per segment; every segment still needs at least one.
 */
final class ReferenceStreams {

    private ReferenceStreams() {
    }

    /**
     * The non-null references of each hypothesis, in stream order.
     *
     * @throws SegmentCountMismatchException if a stream's length differs from the number of hypotheses
     * @throws IllegalArgumentException      if there are no hypotheses or no streams, a hypothesis is {@code null},
     *                                       or a segment has no reference in any stream
     */
    static List<List<String>> bySegment(List<String> hypotheses, List<List<String>> referenceStreams) {
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("no hypotheses to score: a corpus score needs at least one segment");
        }
        if (referenceStreams.isEmpty()) {
            throw new IllegalArgumentException("no reference streams: pass at least one, e.g. List.of(references)");
        }
        for (int s = 0; s < referenceStreams.size(); s++) {
            int n = referenceStreams.get(s).size();
            if (n != hypotheses.size()) {
                throw new SegmentCountMismatchException(hypotheses.size(), n, s, referenceStreams.size());
            }
        }
        List<List<String>> out = new ArrayList<>(hypotheses.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            if (hypotheses.get(i) == null) {
                throw new IllegalArgumentException("hypothesis " + i + " is null; use \"\" for an empty output");
            }
            List<String> refs = new ArrayList<>(referenceStreams.size());
            for (List<String> stream : referenceStreams) {
                String r = stream.get(i);
                if (r != null) {
                    refs.add(r);
                }
            }
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("segment " + i + " has no reference in any of the "
                        + referenceStreams.size() + " reference streams (all null)");
            }
            out.add(refs);
        }
        return out;
    }
}
