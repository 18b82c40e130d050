package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.testsupport.PyTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records sliced from the file in memory (small files) must be exactly what ZipFile's streams give (the path large
 * files take): the same bytes for intact archives, and the same outcome, bytes or a format error, for damaged ones.
 */
class ZipArchiveTest {
    private static final List<String> NAMES = List.of("data.pkl", "byteorder", "version", "data/0", "data/1", "data/2", "data/10");

    @TempDir
    Path dir;

    @Test
    void slicesFromMemoryEqualZipFileStreamsOnIntactArchives() throws Exception {
        List<byte[]> archives = new ArrayList<>();
        archives.add(PthWriter.toBytes(PthWriterTorchTest.stateDictWithEverything(), "archive"));
        archives.add(PthWriter.toBytes(new RoundTripTest.Generator(new SplittableRandom(3)).value(0), "archive"));
        if (PyTorch.isAvailable()) {
            PyTorch.runOk("""
                    import torch
                    m = torch.nn.Sequential(torch.nn.Linear(1, 64), torch.nn.Tanh(), torch.nn.Linear(64, 1)).double()
                    opt = torch.optim.Adam(m.parameters())
                    m(torch.ones(2, 1, dtype=torch.float64)).sum().backward()
                    opt.step()
                    torch.save({'model': m.state_dict(), 'opt': opt.state_dict()}, 'torch.pth')
                    """, dir);
            archives.add(Files.readAllBytes(dir.resolve("torch.pth")));
        }
        int compared = 0;
        for (int a = 0; a < archives.size(); a++) {
            byte[] bytes = archives.get(a);
            Path file = dir.resolve("a" + a + ".pth");
            Files.write(file, bytes);
            try (ZipArchive memory = new ZipArchive(file, "m", bytes.length, 1 << 30, bytes);
                    ZipArchive streams = new ZipArchive(file, "s", bytes.length, 1 << 30, null)) {
                for (String name : NAMES) {
                    assertEquals(streams.has(name), memory.has(name), name);
                    if (streams.has(name)) {
                        assertArrayEquals(streams.read(name), memory.read(name), "archive " + a + ": " + name);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared >= 10, "compared " + compared + " records");
    }

    @Test
    void damagedArchivesGiveTheSameOutcomeBothWays() throws Exception {
        byte[] seed = PthWriter.toBytes(new RoundTripTest.Generator(new SplittableRandom(9)).value(0), "archive");
        SplittableRandom r = new SplittableRandom(77);
        int opened = 0;
        for (int c = 0; c < 3000; c++) {
            byte[] bytes = PthFuzzTest.mutate(seed, r);
            Path file = dir.resolve("m.pth");
            Files.write(file, bytes);
            ZipArchive memory;
            try {
                memory = new ZipArchive(file, "x", bytes.length, 1 << 30, bytes);
            } catch (PthFormatException e) {
                continue; // ZipFile refused the directory: the same for both, nothing sliced
            }
            opened++;
            try (memory; ZipArchive streams = new ZipArchive(file, "x", bytes.length, 1 << 30, null)) {
                for (String name : NAMES) {
                    if (streams.has(name)) {
                        String expected = outcome(streams, name);
                        String actual = outcome(memory, name);
                        assertEquals(expected.startsWith("error"), actual.startsWith("error"), "case " + c + ": " + name + ": " + expected + " / " + actual);
                        if (!expected.startsWith("error")) {
                            assertEquals(expected, actual, "case " + c + ": " + name);
                        }
                    }
                }
            }
        }
        assertTrue(opened > 100, "only " + opened + " mutated archives opened");
    }

    private static String outcome(ZipArchive zip, String name) {
        try {
            return java.util.HexFormat.of().formatHex(zip.read(name));
        } catch (PthFormatException e) {
            return "error " + e.getMessage();
        }
    }
}
