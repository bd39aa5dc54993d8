package org.seq2seq4j.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        Backend.BackendUnavailableException e = Backend.unavailable(failure, List.of());
        assertSame(failure, e.getCause());
        assertTrue(e.getMessage().contains("UnsatisfiedLinkError: no jnind4jcuda in java.library.path"),
                e.getMessage());
        assertTrue(e.getMessage().contains("CUDA 11.6"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B -q package -DskipTests"), e.getMessage());
    }

    @Test
    void theReasonsNd4jGivesForSkippedBackendsMakeTheMessage() {
        String startup = String.join("\n",
                "java.lang.UnsatisfiedLinkError: /root/.javacpp/x.jar/libjnicudart.so: libcuda.so.1: cannot open",
                "\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)",
                "[main] WARN org.nd4j.linalg.factory.Nd4jBackend - Skipped [JCublasBackend] backend (unavailable): "
                        + "java.lang.UnsatisfiedLinkError: libcuda.so.1: cannot open shared object file",
                "");
        List<String> skipped = Backend.skippedBackends(startup);
        assertEquals(List.of("JCublasBackend: java.lang.UnsatisfiedLinkError: libcuda.so.1: cannot open shared object "
                + "file"), skipped);
        var e = Backend.unavailable(new IllegalStateException("no backend"), skipped);
        assertTrue(e.getMessage().startsWith("the ND4J backend could not be started (JCublasBackend: "
                + "java.lang.UnsatisfiedLinkError: libcuda.so.1"), e.getMessage());
    }
}
