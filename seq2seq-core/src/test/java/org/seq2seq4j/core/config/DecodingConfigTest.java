package org.seq2seq4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecodingConfigTest {

    @Test
    void rejectsNBestAboveBeamSizeAtNBest() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DecodingConfig.Beam(3, 4, 0.6, 0));
        assertEquals("nBest", e.path());
        assertEquals(4, e.value());
    }

    @Test
    void rejectsBeamSizeZero() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DecodingConfig.Beam(0, 1, 0.6, 0));
        assertEquals("beamSize", e.path());
    }

    @Test
    void rejectsNegativeLengthPenaltyAndMinLength() {
        assertEquals("lengthPenalty",
                assertThrows(ConfigException.class, () -> new DecodingConfig.Beam(3, 1, -1, 0)).path());
        assertEquals("minLength",
                assertThrows(ConfigException.class, () -> new DecodingConfig.Beam(3, 1, 0, -1)).path());
    }

    @Test
    void rejectsMinLengthAboveMaxLength() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new DecodingConfig(new DecodingConfig.Beam(3, 1, 0, 9), 8, 16));
        assertEquals("strategy.minLength", e.path());
    }
}
