package org.seq2seq4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void cpuBuildLoadsTheCpuBackendWithTheRequestedThreads() {
        assertEquals("CpuBackend", Backend.require(1));
        assertEquals(1, org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads());
        assertEquals(1, org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads());
    }

    @Test
    void rejectsZeroThreads() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Backend.require(0));
    }
}
