package fitlab.pth;

/** Resolves a {@code BINPERSID} persistent id to its storage (from the zip's {@code data/<key>} or the legacy tail). */
@FunctionalInterface
interface StorageLoader {
    /** Throws {@link Reductions.BadArguments} (message only) or {@link PthFormatException} (complete). */
    Storage load(PyTuple persistentId);
}
