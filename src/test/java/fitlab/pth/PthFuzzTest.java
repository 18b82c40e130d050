package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fitlab.testsupport.PyTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing over real files (bit flips, byte insertions and deletions, truncations): the
 * reader only ever returns a value or throws {@link PthFormatException}, never another exception or Error.
 * Bounded by time (about 20 s), so the number of cases depends on the machine; the seed sequence does not.
 */
@Tag("slow")
class PthFuzzTest {
    private static final long BUDGET_NANOS = 18_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesOnlyEverGiveAValueOrAPthFormatException() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(PthReaderErrorTest.tinyFile());
        seeds.add(PthWriter.toBytes(PthWriterTorchTest.stateDictWithEverything(), "archive"));
        seeds.add(PthWriter.toBytes(new RoundTripTest.Generator(new SplittableRandom(7)).value(0), "archive"));
        if (PyTorch.isAvailable()) {
            PyTorch.runOk("""
                    import torch
                    sd = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Tanh(), torch.nn.Linear(3, 1)).state_dict()
                    torch.save({'sd': sd, 'loss': 0.5, 'opt': {'state': {0: {'step': 3}}}}, 'legacy.pth', _use_new_zipfile_serialization=False)
                    torch.save({'sd': sd, 'x': [1, (2, 3.5)]}, 'p4.pth', pickle_protocol=4)
                    torch.save({'z': torch.tensor([1 + 2j, 3 - 1j], dtype=torch.complex128), 'w': torch.ones(2)}, 'c128.pth')
                    """, dir);
            seeds.add(Files.readAllBytes(dir.resolve("legacy.pth")));
            seeds.add(Files.readAllBytes(dir.resolve("p4.pth")));
            seeds.add(Files.readAllBytes(dir.resolve("c128.pth")));
        }
        // deflated records (a small zip bomb: 3 records of 1 MiB of zeros), so mutations reach the deflate path
        PthBombTest.writeBomb(dir.resolve("bomb.pth"), 3, 1 << 20);
        seeds.add(Files.readAllBytes(dir.resolve("bomb.pth")));
        List<Pickler.Pickled> pickles = new ArrayList<>();
        pickles.add(Pickler.pickle(PthWriterTorchTest.stateDictWithEverything()));
        pickles.add(Pickler.pickle(new RoundTripTest.Generator(new SplittableRandom(11)).value(0)));
        pickles.add(Pickler.pickle(TorchModules.sequential(List.of(
                TorchModules.linear(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(new double[] {0, 1}, 2)), TorchModules.gelu()))));
        SplittableRandom r = new SplittableRandom(20240601);
        long start = System.nanoTime();
        int cases = 0;
        int values = 0;
        while (System.nanoTime() - start < BUDGET_NANOS) {
            // half the cases mutate the pickle inside a well-formed container (valid CRCs), so the unpickler
            // itself is exercised rather than the CRC check
            byte[] mutated = r.nextBoolean() ? mutate(seeds.get(r.nextInt(seeds.size())), r) : rezipped(pickles.get(r.nextInt(pickles.size())), r);
            cases++;
            try {
                PthBytes.readFile(mutated, "fuzz.pth", ReadOptions.allowing(n -> true));
                values++;
            } catch (PthFormatException expected) {
                assertTrue(expected.getMessage().startsWith("fuzz.pth"), expected.getMessage());
            } catch (Throwable t) {
                fail("case " + cases + " threw " + t + " (mutated length " + mutated.length + ")", t);
            }
        }
        assertTrue(cases > 100, "only " + cases + " cases ran");
        System.out.println("fuzz: " + cases + " cases, " + values + " still readable");
    }

    private static byte[] rezipped(Pickler.Pickled p, SplittableRandom r) {
        ZipWriter zip = new ZipWriter(4096);
        zip.add("archive/data.pkl", mutate(p.pickle(), r));
        for (int i = 0; i < p.storages().size(); i++) {
            zip.add("archive/data/" + i, p.storages().get(i).bytes());
        }
        zip.add("archive/version", new byte[] {'3', '\n'});
        return zip.finish();
    }

    static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0, 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 2 -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                case 3 -> {
                    byte[] out = new byte[b.length - 1];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                    b = out;
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }
}
