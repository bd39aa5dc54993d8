package org.seq2seq4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void cpuBuildLoadsTheCpuBackend() {
        assertEquals("CpuBackend", Backend.require());
    }
}
