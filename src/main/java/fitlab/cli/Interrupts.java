package fitlab.cli;

import fitlab.experiment.RunControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM during training: instead of dying mid-write, ask every cell to stop after its current
 * epoch's checkpoint, and hold the JVM's shutdown until the command has finished and said how to resume.
 */
final class Interrupts implements AutoCloseable {
    private static volatile boolean shuttingDown;
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private Interrupts(RunControl control) {
        hook = new Thread(() -> {
            shuttingDown = true;
            control.requestStop();
            try {
                // generous: a cell finishes its epoch and writes one checkpoint
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fitlab-interrupt");
    }

    static Interrupts stopCleanly(RunControl control) {
        Interrupts i = new Interrupts(control);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** True once the JVM is shutting down on a signal; then {@link System#exit} must not be called. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and now sees that the command has finished
        }
    }
}
