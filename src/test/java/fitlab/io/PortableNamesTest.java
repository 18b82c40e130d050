package fitlab.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortableNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"epoch-0025.pth", "degree=4,seed=0", "hidden=64-64", "lr=0.001", "loss-degree=15.png",
            "degree=4@resume-from-500", ".epoch-0025.pth.k3x9.tmp", "20261128-170102-2", "console.txt", "comma"})
    void namesFitlabWritesAreAccepted(String name) {
        assertEquals(java.util.Optional.empty(), PortableNames.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b", "a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a/b", "a\\b", "tab\there",
            "ends.", "ends ", "CON", "con.txt", "Nul.tar.gz", "lpt1", "COM9.pth", "", ".", ".."})
    void namesWindowsRefusesAreRejected(String name) {
        assertTrue(PortableNames.problem(name).isPresent(), name);
    }

    @Test
    void tooLongForOneWindowsPathComponent() {
        assertTrue(PortableNames.problem("x".repeat(256)).isPresent());
        assertTrue(PortableNames.problem("x".repeat(255)).isEmpty());
    }
}
