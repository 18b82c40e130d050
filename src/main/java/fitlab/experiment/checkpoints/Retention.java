package fitlab.experiment.checkpoints;

import fitlab.UserError;
import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.config.CheckpointConfig.Retention.All;
import fitlab.config.CheckpointConfig.Retention.Best;
import fitlab.config.CheckpointConfig.Retention.Last;
import fitlab.config.CheckpointConfig.Retention.LastN;
import fitlab.config.CheckpointConfig;
import fitlab.io.SharedFiles;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CheckpointFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which checkpoints a cell writes and keeps: {@code epoch-NNNN.pth} every {@code every} epochs and at the last
 * epoch, {@code best.pth} for the best epoch, {@code last.pth} at the end, then {@code keep} prunes.
 * {@code best.pth} and {@code last.pth} are hard links to the epoch file when there is one (no second write);
 * files are never changed in place, so sharing an inode is safe. While the cell runs, the newest epoch file is
 * always kept, whatever {@code keep} says, so an interrupted run can be finished from it.
 *
 * <p>{@code best.pth} is written when an epoch file is, not at every epoch that improves: the snapshot of the newest
 * best epoch waits in memory until then. Early in a run nearly every epoch improves (lesson 01: 2 920 improvements,
 * against 124 checkpoint steps that follow one), and each replaced {@code best.pth} freed an inode: ext4 then
 * searched past the recently freed ones at every new file, which took 40 % of a run's CPU. The order within a step
 * is {@code best.pth} first, then the epoch file (linked to it when they are the same epoch): whenever an epoch file
 * exists, {@code best.pth} holds the best epoch up to it or a later one, which is what finishing an interrupted cell
 * from that epoch file relies on ({@link #continuing}); a later one is found again and written again.
 *
 * <p>The decisions (what to write, link and delete) and the checkpoint snapshot (copies of weights and optimizer
 * state) happen on the training thread; serialising it and the file operations of each epoch go, in order, to the
 * cell's {@link CheckpointWriter}, so the next epoch trains while they run. The folder therefore passes through
 * the same states as if they ran inline, only later; {@link #close} (and an interruption, see
 * {@link #ensureWritten}) waits for them, and a failed write is rethrown here.
 */
public final class Retention implements AutoCloseable {
    /** Epochs whose file operations may wait at once before the snapshot size is known; each holds one snapshot. */
    private static final int PENDING_EPOCHS = 3;
    /**
     * Memory the waiting snapshots may take. A deep queue lets training run on through the writer's slow moments
     * (a disk that stalls file creation for milliseconds now and then) instead of waiting at every one.
     */
    private static final long PENDING_BYTES = 64L << 20;
    private static final int MAX_PENDING_EPOCHS = 32;
    private boolean sized;

    private final CheckpointConfig config;
    private final CellFolder folder;
    private final CheckpointWriter writer;
    /** The epoch files as they are once the writer has caught up. */
    private final Deque<Integer> written = new ArrayDeque<>();
    /**
     * Epoch files off the {@code every} grid, written only because the run was interrupted there (so it can be finished
     * from them). An uninterrupted run never has them, so each is deleted as soon as a newer epoch file exists.
     */
    private final java.util.Set<Integer> interruptOnly = new java.util.HashSet<>();
    private int bestWritten = -1;
    /** The best epoch's snapshot while it waits for the next epoch file; null when none waits. */
    private Checkpoint pendingBest;
    /** {@code last.pth} has been queued in this session (by the step of the last epoch, or by {@link #finish}). */
    private boolean lastQueued;

    public Retention(CheckpointConfig config, CellFolder folder) {
        this.config = config;
        this.folder = folder;
        this.writer = new CheckpointWriter(folder.id(), PENDING_EPOCHS);
    }

    /**
     * The retention state of a cell interrupted after {@code lastEpoch}: the epoch files on disk up to it, and the
     * best epoch {@code best.pth} already holds, so continuing writes and prunes exactly what an uninterrupted run would.
     */
    public static Retention continuing(CheckpointConfig config, CellFolder folder, int lastEpoch, int bestWritten) {
        Retention r = new Retention(config, folder);
        for (int epoch : CheckpointFiles.epochs(folder)) {
            if (epoch <= lastEpoch) {
                r.written.addLast(epoch);
                if (epoch % config.every() != 0) {
                    r.interruptOnly.add(epoch);
                }
            }
        }
        r.bestWritten = bestWritten;
        return r;
    }

    /**
     * Makes sure the checkpoint of {@code epoch} is on disk, with everything queued before it (an interrupted run
     * keeps every epoch it measured); returns once the writer has drained.
     */
    public void ensureWritten(int epoch, Supplier<Checkpoint> make) {
        if (written.isEmpty() || written.peekLast() != epoch) {
            Checkpoint c = make.get();
            written.addLast(epoch);
            if (epoch % config.every() != 0) {
                interruptOnly.add(epoch);
            }
            submitStep(epoch, c, false, false);
        }
        writer.drain();
    }

    public void epochDone(int epoch, boolean last, int bestEpoch, Supplier<Checkpoint> make) {
        boolean scheduled = epoch % config.every() == 0 || last;
        boolean newBest = bestEpoch == epoch && bestEpoch != bestWritten;
        if (!scheduled && !newBest) {
            return;
        }
        Checkpoint c = make.get(); // a snapshot: copies of the weights and optimizer state, safe to serialise later
        if (!sized) {
            writer.capacity(pendingEpochs(c));
            sized = true;
        }
        if (newBest) {
            pendingBest = c;
        }
        if (!scheduled) {
            return; // a best epoch between two epoch files: its snapshot waits for the next one
        }
        written.addLast(epoch);
        submitStep(epoch, c, last, true);
    }

    /**
     * Queues the file operations of one epoch file, in order: {@code best.pth} when a best snapshot waits (the bytes
     * of this epoch when it is that epoch, else the waiting snapshot's, serialised under the name of the epoch file it
     * would have been, as an epoch's bytes always are), the epoch file (a link to {@code best.pth} when they are the
     * same epoch), {@code last.pth} for the last epoch, then with {@code prune} what {@code keep} no longer wants.
     */
    private void submitStep(int epoch, Checkpoint c, boolean last, boolean prune) {
        Path epochFile = folder.checkpoint(epoch);
        Checkpoint best = pendingBest;
        pendingBest = null;
        if (best != null) {
            bestWritten = best.epoch();
        }
        boolean bestIsThisEpoch = best != null && best.epoch() == epoch;
        Path lastFile = last ? folder.last() : null;
        lastQueued |= last;
        List<Path> obsolete = prune ? prune(bestWritten, false) : List.of();
        writer.submit(() -> {
            byte[] bytes = Checkpoints.toBytes(c, epochFile);
            if (best != null) {
                Checkpoints.writeBytes(bestIsThisEpoch ? bytes : Checkpoints.toBytes(best, folder.checkpoint(best.epoch())), folder.best());
            }
            publish(bytes, bestIsThisEpoch ? folder.best() : null, epochFile);
            if (lastFile != null) {
                publish(bytes, epochFile, lastFile);
            }
            obsolete.forEach(Retention::delete);
        });
    }

    /** As many snapshots as fit in {@link #PENDING_BYTES}, between 3 and {@link #MAX_PENDING_EPOCHS}. */
    static int pendingEpochs(Checkpoint c) {
        long bytes = 4096;
        for (var t : c.modelStateDict().values()) {
            bytes += t.numel() * t.dtype().elementSize();
        }
        bytes *= 3; // the weights, and up to two optimizer moments of the same size (Adam)
        return (int) Math.max(PENDING_EPOCHS, Math.min(MAX_PENDING_EPOCHS, PENDING_BYTES / bytes));
    }

    /** Whether the checkpoint writer has caught up: its thread would not compete with evaluation helpers now. */
    public boolean writerIdle() {
        return writer.idle();
    }

    /** Applies {@code keep} strictly once the cell is done (the deletions are queued; {@link #close} waits for them). */
    public void finish(int lastEpoch) {
        if (!lastQueued && lastEpoch >= 0) {
            // a cell finished off without training an epoch: interrupted at the epoch where early stopping had ended
            // it, after that epoch's file was written and before last.pth was (a kill between the two, or Ctrl-C,
            // whose checkpoint is the epoch file only). last.pth is that epoch file, as in the uninterrupted run;
            // queued before the pruning, which may delete the epoch file itself
            Path epochFile = folder.checkpoint(lastEpoch), lastFile = folder.last();
            writer.submit(() -> {
                if (Files.exists(epochFile)) { // a folder with no file of that epoch (nothing trained here) keeps none
                    publish(readBytes(epochFile), epochFile, lastFile);
                }
            });
            lastQueued = true;
        }
        List<Path> obsolete = prune(bestWritten, true);
        if (!obsolete.isEmpty()) {
            writer.submit(() -> obsolete.forEach(Retention::delete));
        }
    }

    /** Waits until every queued file operation has run, and stops the writer; rethrows a failed write. */
    @Override
    public void close() {
        writer.close();
    }

    /** Drops the epochs {@code keep} no longer wants from {@link #written} and returns their files, to delete. */
    private List<Path> prune(int bestEpoch, boolean finished) {
        List<Path> obsolete = new ArrayList<>();
        int newest = written.isEmpty() ? -1 : written.peekLast();
        // first the files only an interruption wrote, so that they do not count among the last N below
        for (Integer epoch : written.toArray(new Integer[0])) {
            if (interruptOnly.contains(epoch) && epoch != newest) {
                obsolete.add(folder.checkpoint(epoch));
                written.remove(epoch);
                interruptOnly.remove(epoch);
            }
        }
        for (Integer epoch : written.toArray(new Integer[0])) {
            var policy = config.keep();
            boolean keep;
            if (policy instanceof All) {
                keep = true;
            } else if (policy instanceof Last) {
                keep = epoch == newest;
            } else if (policy instanceof Best) {
                keep = epoch == bestEpoch || (!finished && epoch == newest);
            } else {
                keep = epoch == bestEpoch || isAmongLast(epoch, ((LastN) policy).n());
            }
            if (!keep) {
                obsolete.add(folder.checkpoint(epoch));
                written.remove(epoch);
            }
        }
        return obsolete;
    }

    private boolean isAmongLast(int epoch, int n) {
        int rank = 0;
        for (var it = written.descendingIterator(); it.hasNext(); ) {
            if (it.next() == epoch) {
                return rank < n;
            }
            rank++;
        }
        return false;
    }

    /** Puts {@code target} in place atomically: a hard link to {@code source} when possible, else the bytes. */
    private static void publish(byte[] bytes, Path source, Path target) {
        if (source != null && Files.exists(source)) {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".link.tmp");
            try {
                // already that file (a resumed cell publishing what the killed run had published): renaming a second
                // link of one inode onto the first is a no-op in POSIX, which would leave the temporary link behind
                if (Files.exists(target) && Files.isSameFile(source, target)) {
                    return;
                }
                Files.deleteIfExists(tmp);
                Files.createLink(tmp, source);
                SharedFiles.replace(tmp, target);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // file system without hard links: fall back to writing the bytes
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the fallback below writes the file anyway
                }
            }
        }
        Checkpoints.writeBytes(bytes, target);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the checkpoint to link as last.pth: " + e.getMessage());
        }
    }

    private static void delete(Path file) {
        try {
            SharedFiles.deleteIfExists(file);
        } catch (IOException e) {
            throw new UserError("cannot delete old checkpoint " + file + ": " + e.getMessage());
        }
    }
}
