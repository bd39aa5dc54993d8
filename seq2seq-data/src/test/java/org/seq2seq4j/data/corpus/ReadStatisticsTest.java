package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadStatisticsTest {

    @Test
    void listsEverySkippableKindInEnumOrderWithZerosForTheMissingOnes() {
        ReadStatistics statistics = new ReadStatistics(5, Map.of(BadInputKind.EMPTY_TARGET, 2L));
        assertEquals(List.of(BadInputKind.INVALID_UTF8, BadInputKind.MISSING_COLUMN, BadInputKind.MALFORMED_CSV,
                BadInputKind.EMPTY_SOURCE, BadInputKind.EMPTY_TARGET), List.copyOf(statistics.skipped().keySet()));
        assertEquals(2, statistics.skipped(BadInputKind.EMPTY_TARGET));
        assertEquals(0, statistics.skipped(BadInputKind.INVALID_UTF8));
        assertEquals(0, statistics.skipped(BadInputKind.MISALIGNED_FILES));
        assertEquals(2, statistics.totalSkipped());
    }

    @Test
    void rejectsCountsOfKindsThatAreNeverSkipped() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReadStatistics(0, Map.of(BadInputKind.MISALIGNED_FILES, 1L)));
        assertThrows(IllegalArgumentException.class, () -> new ReadStatistics(-1, Map.of()));
    }

    @Test
    void writesJsonWithConfigNamesForTheKinds() throws Exception {
        assertEquals("""
                {"pairs":5,"skipped":{"invalid_utf8":1,"missing_column":0,"malformed_csv":0,"empty_source":0,\
                "empty_target":0}}""",
                new ObjectMapper().writeValueAsString(new ReadStatistics(5, Map.of(BadInputKind.INVALID_UTF8, 1L))));
    }
}
