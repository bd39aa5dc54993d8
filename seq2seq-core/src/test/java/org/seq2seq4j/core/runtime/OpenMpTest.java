package org.seq2seq4j.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class OpenMpTest {

    /** The policy goes into the C environment, where OpenMP reads it, and a user's own value is kept. */
    @Test
    void passiveWaitIsSetInTheProcessEnvironmentUnlessTheUserSetAPolicy() {
        assumeTrue(Platform.isLinux() || Platform.isMac(), "setenv is used on Linux and macOS only");
        String users = System.getenv(OpenMp.WAIT_POLICY);
        String policy = OpenMp.preferPassiveWait();
        assertEquals(users == null ? "PASSIVE" : users, policy);
        assertEquals(policy, OpenMp.waitPolicy());
        assertEquals(policy, OpenMp.preferPassiveWait(), "a second call changes nothing");
    }
}
