package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The writer's size forecast is exact, so its buffer is the result without a final copy. */
class ZipWriterSizeTest {
    @Test
    void exactSizeEqualsTheWrittenArchiveForRandomRecords() {
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 500; trial++) {
            List<String> names = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            int count = 1 + r.nextInt(30);
            for (int i = 0; i < count; i++) {
                names.add("arch" + "é".repeat(r.nextInt(3)) + "/data/" + i + "x".repeat(r.nextInt(70)));
                lengths.add(r.nextInt(5) == 0 ? 0 : r.nextInt(3000));
            }
            long expected = ZipWriter.exactSize(names, lengths);
            ZipWriter zip = new ZipWriter((int) expected);
            for (int i = 0; i < count; i++) {
                zip.add(names.get(i), new byte[lengths.get(i)]);
            }
            assertEquals(expected, zip.finish().length, "trial " + trial);
        }
    }
}
