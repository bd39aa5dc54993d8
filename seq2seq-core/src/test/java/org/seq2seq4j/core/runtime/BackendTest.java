package org.seq2seq4j.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void cpuBuildLoadsTheCpuBackendWithTheRequestedThreads() {
        assertEquals("CpuBackend", Backend.require(1));
        assertEquals(1, org.nd4j.linalg.factory.Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(1, org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads());
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> Backend.require(0));
    }

    @Test
    void aBackendThatCannotStartIsReportedWithItsRootCauseAndWhatItNeeds() {
        var root = new UnsatisfiedLinkError("no jnind4jcuda in java.library.path");
        var failure = new RuntimeException("ND4J backend initialization failed", new IllegalStateException(root));
        Backend.BackendUnavailableException e = Backend.unavailable(failure);
        assertSame(failure, e.getCause());
        assertTrue(e.getMessage().contains("UnsatisfiedLinkError: no jnind4jcuda in java.library.path"),
                e.getMessage());
        assertTrue(e.getMessage().contains("CUDA 11.6"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B -q package -DskipTests"), e.getMessage());
    }
}
