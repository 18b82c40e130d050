package fitlab.experiment.checkpoints;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.UserError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-cell background writer: order, bounded queue, and failures that are never lost. */
class CheckpointWriterTest {
    @Test
    void operationsRunInSubmissionOrderAndDrainWaitsForAll() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (CheckpointWriter w = new CheckpointWriter("c", 2)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                w.submit(() -> done.add(n));
            }
            w.drain();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add(i);
            }
            assertEquals(expected, done);
        }
    }

    @Test
    void atMostCapacityOperationsWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger submitted = new AtomicInteger();
        CheckpointWriter w = new CheckpointWriter("c", 2);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 4; i++) {
                w.submit(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                submitted.incrementAndGet();
            }
        });
        producer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (submitted.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        producer.join(200); // the third submit cannot return while the first operation is held
        assertEquals(2, submitted.get());
        assertTrue(producer.isAlive());
        release.countDown();
        producer.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(4, submitted.get());
        w.close();
    }

    @Test
    void aFailureIsRethrownOnceAndEverythingAfterItIsSkipped() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        UserError diskFull = new UserError("cannot write epoch-0003.pth: FileSystem: No space left on device");
        CheckpointWriter w = new CheckpointWriter("c", 3);
        w.submit(() -> done.add("epoch 1"));
        w.submit(() -> {
            throw diskFull;
        });
        // the failure surfaces at the next submit or at drain, whichever comes after the writer hit it
        UserError thrown = assertThrows(UserError.class, () -> {
            w.submit(() -> done.add("epoch 3"));
            w.drain();
        });
        assertSame(diskFull, thrown, "the writer's own error, message unchanged");
        assertEquals(List.of("epoch 1"), done, "nothing is written after a failed write");
        w.close(); // already reported: closing does not throw it again
    }

    @Test
    void aFailureSurfacesAtTheNextSubmitOrDrain() throws Exception {
        UserError diskFull = new UserError("cannot write x: File too large");
        CheckpointWriter w = new CheckpointWriter("c", 3);
        CountDownLatch failed = new CountDownLatch(1);
        w.submit(() -> {
            failed.countDown();
            throw diskFull;
        });
        assertTrue(failed.await(30, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        UserError thrown = assertThrows(UserError.class, () -> {
            w.submit(ran::incrementAndGet);
            w.drain();
        });
        assertSame(diskFull, thrown);
        assertEquals(0, ran.get());
        w.close();
    }
}
