package fitlab.checkpoint;

import fitlab.UserError;
import fitlab.model.Layer;
import fitlab.model.Mlp;
import fitlab.model.Model;
import fitlab.model.ModelSpec;
import fitlab.model.Models;
import fitlab.pth.PthReader;
import fitlab.pth.PthWriter;
import fitlab.random.Rng;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writing and reading checkpoint files, and rebuilding a model from one with nothing but the file. */
public final class Checkpoints {
    private Checkpoints() {}

    /** The {@code .pth} bytes of a checkpoint, with the archive folder torch would give {@code file}. */
    public static byte[] toBytes(Checkpoint c, Path file) {
        return PthWriter.toBytes(CheckpointCodec.toValue(c), PthWriter.archiveNameFor(file));
    }

    /** Writes atomically: a complete file or none under this name. */
    public static void writeBytes(byte[] bytes, Path file) {
        fitlab.io.AtomicFiles.write(file, bytes);
    }

    public static Checkpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such checkpoint file");
        }
        try {
            return CheckpointCodec.fromValue(PthReader.read(file), file);
        } catch (UncheckedIOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
    }

    /** A fresh model built from the checkpoint's {@code model_spec} and filled from its {@code model_state_dict}. */
    /**
     * As {@link #rebuild(Checkpoint)}, into {@code previous} when it was built from the same model spec: loading the
     * state dict sets every parameter and buffer, so it is the model a fresh rebuild gives, and a polynomial keeps
     * the basis features it already computed for the same inputs (most of reloading a checkpoint of a cell's
     * sequence, each evaluated on the same three splits).
     */
    public static Model rebuild(Checkpoint c, Model previous) {
        if (previous != null && previous.spec().equals(ModelSpec.fromMap(c.modelSpec()))) {
            previous.loadStateDict(c.modelStateDict());
            return previous;
        }
        return rebuild(c);
    }

    public static Model rebuild(Checkpoint c) {
        ModelSpec spec = ModelSpec.fromMap(c.modelSpec());
        // The init stream only fills weights that loadStateDict overwrites at once; any fixed stream will do.
        Model model = Models.create(spec, Rng.seeded(0));
        model.loadStateDict(c.modelStateDict());
        return model;
    }

    /** The module prefixes of a model's {@code _metadata}: every index of an nn.Sequential, or the polynomial's {@code linear}. */
    public static List<String> modulePrefixes(Model model) {
        List<String> out = new ArrayList<>();
        if (model instanceof Mlp mlp) {
            List<Layer> layers = mlp.layers();
            for (int i = 0; i < layers.size(); i++) {
                out.add(Integer.toString(i));
            }
        } else {
            out.add("linear");
        }
        return out;
    }
}
