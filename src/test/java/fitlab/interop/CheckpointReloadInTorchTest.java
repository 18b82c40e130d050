package fitlab.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunResult;
import fitlab.experiment.RunService;
import fitlab.pth.OrderedDict;
import fitlab.pth.PthWriter;
import fitlab.testsupport.PyTorch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint fitlab writes mid-run opens in real PyTorch: the model rebuilt from {@code model_spec} by
 * {@code notebooks/fitlab_torch.py}, with the checkpoint's weights, gives the losses fitlab logged for that epoch
 * on the run's own CSV data, to 1e-12.
 */
class CheckpointReloadInTorchTest {
    private static final Path LESSON = Path.of("experiments/01-polynomial-degree.yaml");
    private static final Path NOTEBOOKS = Path.of("notebooks").toAbsolutePath();
    private static final int EPOCH = 137;

    @TempDir
    Path dir;

    /** Rebuilds the epoch's model in torch and prints its losses on each split, one "split repr(loss)" a line. */
    private static final String RELOAD = """
            import sys
            sys.path.insert(0, sys.argv[1])
            import fitlab_torch as ft
            run, cell, path = sys.argv[2], sys.argv[3], sys.argv[4]
            checkpoint = ft.load_checkpoint(path)
            model = ft.model_from_checkpoint(checkpoint)
            print("epoch", checkpoint["epoch"])
            print("kind", checkpoint["model_spec"]["kind"])
            print("module", type(model).__name__)
            for split, csv_path in ft.cell_split_paths(run, cell).items():
                X, y = ft.read_split(csv_path)
                print(split, repr(ft.evaluate(model, X, y, ft.task_of(checkpoint))["loss"]))
            """;

    @Test
    void polynomialCheckpointReproducesLoggedLosses() throws IOException {
        PyTorch.require();
        Path run = runLesson("poly", List.of("sweep.model.degree=[12]"));
        Map<String, String> out = reload(run, "degree=12");
        assertEquals("polynomial", out.get("kind"));
        assertEquals("PolynomialModel", out.get("module"));
        assertLossesMatchMetrics(run, "degree=12", out);
    }

    @Test
    void mlpCheckpointReproducesLoggedLosses() throws IOException {
        PyTorch.require();
        Path run = runLesson("mlp", List.of("model.kind=mlp", "model.hidden=[16,16]", "sweep.model.degree=[1]",
                "training.lr=0.01"));
        Map<String, String> out = reload(run, "degree=1");
        assertEquals("mlp", out.get("kind"));
        assertEquals("Sequential", out.get("module"));
        assertLossesMatchMetrics(run, "degree=1", out);
    }

    @Test
    void bareStateDictLoadsWithWeightsOnlyWhileTheFullCheckpointNeedsPickleFloatsOnTorch113() throws IOException {
        PyTorch.require();
        Path run = runLesson("poly", List.of("sweep.model.degree=[5]"));
        Path full = checkpoint(run, "degree=5");
        Checkpoint c = Checkpoints.read(full);
        Path bare = dir.resolve("state_dict.pth");
        PthWriter.write(bare, OrderedDict.stateDict(c.modelStateDict(), c.modulePrefixes()));

        String out = PyTorch.runOk("""
                import sys, torch
                full, bare = sys.argv[1], sys.argv[2]
                sd = torch.load(bare, weights_only=True)
                reference = torch.load(full, weights_only=False)["model_state_dict"]
                assert list(sd.keys()) == list(reference.keys()), (list(sd.keys()), list(reference.keys()))
                assert all(torch.equal(sd[k], reference[k]) and sd[k].dtype == torch.float64 for k in sd)
                print("bare ok", ",".join(sd.keys()))
                try:
                    torch.load(full, weights_only=True)
                    print("full weights_only loaded")
                except Exception as error:
                    print("full weights_only failed:", str(error).replace("\\n", " "))
                print("torch", torch.__version__)
                """, dir, full.toString(), bare.toString());
        assertTrue(out.contains("bare ok linear.weight,linear.bias,x_min,x_max"), out);
        String version = line(out, "torch ");
        if (version.startsWith("1.")) {
            // torch 1.13's weights_only unpickler has no BINFLOAT (opcode 'G' = 71); the checkpoint's losses are floats.
            assertTrue(out.contains("full weights_only failed:") && out.contains("Unsupported operand 71"), out);
        } else {
            assertTrue(out.contains("full weights_only loaded"), out);
        }
    }

    private Path runLesson(String name, List<String> extraSets) {
        List<String> sets = new ArrayList<>(List.of("training.epochs=140", "checkpoint.every=1", "checkpoint.keep=all",
                "data.test=300"));
        sets.addAll(extraSets);
        RunResult result = RunService.run(new RunRequest(LESSON, Optional.of(dir.resolve(name)), dir, 1, sets, false,
                Optional.empty(), "test"), ProgressListener.SILENT);
        return result.folder().root();
    }

    private static Path checkpoint(Path run, String cell) {
        Path file = run.resolve("cells").resolve(cell).resolve("checkpoints").resolve(String.format("epoch-%04d.pth", EPOCH));
        assertTrue(Files.isRegularFile(file), "fitlab wrote no " + file);
        return file;
    }

    private Map<String, String> reload(Path run, String cell) {
        String out = PyTorch.runOk(RELOAD, dir, NOTEBOOKS.toString(), run.toString(), cell, checkpoint(run, cell).toString());
        Map<String, String> values = new HashMap<>();
        for (String l : out.strip().split("\n")) {
            String[] parts = l.split(" ", 2);
            values.put(parts[0], parts[1]);
        }
        assertEquals(Integer.toString(EPOCH), values.get("epoch"), out);
        return values;
    }

    private static void assertLossesMatchMetrics(Path run, String cell, Map<String, String> torch) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("cells").resolve(cell).resolve("metrics.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String[] row = lines.get(EPOCH + 1).split(",");
        assertEquals(Integer.toString(EPOCH), row[header.indexOf("epoch")]);
        for (String split : List.of("train", "validation", "test")) {
            double logged = Double.parseDouble(row[header.indexOf(split + "_loss")]);
            double recomputed = Double.parseDouble(torch.get(split));
            assertEquals(logged, recomputed, 1e-12, split + " loss of epoch " + EPOCH + " in PyTorch vs metrics.csv");
        }
    }

    private static String line(String out, String prefix) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length())).orElse("");
    }
}
