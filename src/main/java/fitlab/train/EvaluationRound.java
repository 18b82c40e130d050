package fitlab.train;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The chunks of one evaluation and who works on them. Helpers {@link #enter} only while the round is open; the
 * caller closes it once no chunk is left to claim, waits for the helpers still inside, then rethrows what a
 * helper failed with.
 */
final class EvaluationRound {
    private final List<int[]> chunks;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    /** Helpers inside, or negative once closed. */
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    EvaluationRound(List<int[]> chunks) {
        this.chunks = chunks;
    }

    boolean enter() {
        for (int n = inside.get(); n >= 0; n = inside.get()) {
            if (inside.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    void leave() {
        inside.decrementAndGet();
    }

    int[] claim() {
        int i = next.getAndIncrement();
        return i < chunks.size() ? chunks.get(i) : null;
    }

    void done() {
        finished.incrementAndGet();
    }

    void fail(Throwable e) {
        failure.compareAndSet(null, e);
    }

    void closeAndAwait() {
        for (int spins = 0; !(inside.get() == 0 && inside.compareAndSet(0, Integer.MIN_VALUE)); spins++) {
            // a helper is finishing its last chunk (tens of microseconds), unless the OS has paused it
            if (spins < 20_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    void rethrowFailure() {
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (finished.get() < Math.min(next.get(), chunks.size())) {
            throw new IllegalStateException("an evaluation helper stopped before finishing its rows");
        }
    }
}
