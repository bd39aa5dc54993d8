package org.seq2seq4j.core.io;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reusable ND4J workspaces for the toolkit's own loops (optimizer step, decoding). Temporaries of such a loop are
 * allocated from a buffer that is reused on the next iteration instead of one native allocation per operation that
 * only garbage collection would free (off-heap memory grew by tens of MB per second without them).
 * Arrays created inside must not be used after the scope closes; anything kept must be created outside or detached.
 */
public final class Workspaces {

    private static final WorkspaceConfiguration LOOP = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .build();

    private Workspaces() {
    }

    /** Opens (or re-enters) the named loop workspace on this thread; close it at the end of the iteration. */
    public static MemoryWorkspace loop(String name) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(LOOP, name);
    }
}
