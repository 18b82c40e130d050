package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.pth.PthReader;
import fitlab.pth.PthWriter;
import fitlab.pth.PyObject;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.testsupport.PyTorch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 06: the whole-model file binds to class names and breaks after a rename; the state_dict does not. */
class WholeModelTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void runLesson() {
        run = dir.resolve("run06");
        Cli.Result r = Cli.run("run", "experiments/06-state-dict-vs-whole-model.yaml", "--quick", "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    static double lastTestLoss(String cell) {
        List<MetricsRow> rows = MetricsLog.read(run.resolve("cells/" + cell + "/metrics.csv"));
        return rows.get(rows.size() - 1).testLoss();
    }

    static double evalValue(Cli.Result r) {
        String line = r.out().lines().filter(l -> l.contains(" rows): ")).findFirst().orElseThrow(() -> new AssertionError(r.out() + r.err()));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind=polynomial", "kind=mlp"})
    void wholeModelAndStateDictBothReproduceTheFit(String cell) {
        String test = run.resolve("data/test.csv").toString();
        Cli.Result whole = Cli.run("eval", run.resolve("cells/" + cell + "/model.whole.pth").toString(), "--data", test);
        assertEquals(0, whole.exitCode(), whole.err());
        assertEquals(lastTestLoss(cell), evalValue(whole));
        Cli.Result state = Cli.run("eval", run.resolve("cells/" + cell + "/last.pth").toString(), "--data", test);
        assertEquals(lastTestLoss(cell), evalValue(state));
    }

    @Test
    void renamingTheClassBreaksTheWholeModelButNotTheStateDict() throws IOException {
        Path whole = run.resolve("cells/kind=polynomial/model.whole.pth");
        PyObject model = (PyObject) PthReader.read(whole, name -> true);
        Path renamed = dir.resolve("renamed.whole.pth");
        PthWriter.write(renamed, new PyObject(model.module(), "PolyModel", model.state()));
        String test = run.resolve("data/test.csv").toString();
        Cli.Result broken = Cli.run("eval", renamed.toString(), "--data", test);
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("class fitlab_torch.PolyModel is not a known model class"), broken.err());
        assertTrue(broken.err().contains("state_dict"), broken.err());
        assertEquals(1, broken.err().strip().lines().count());
        Cli.Result works = Cli.run("eval", run.resolve("cells/kind=polynomial/last.pth").toString(), "--data", test);
        assertEquals(0, works.exitCode());
    }

    @Test
    void wholeMlpLoadsInPyTorchAsARealSequential() {
        PyTorch.require();
        Path whole = run.resolve("cells/kind=mlp/model.whole.pth");
        String out = PyTorch.runOk("""
                import sys, torch
                m = torch.load(sys.argv[1], weights_only=False)
                assert type(m).__name__ == 'Sequential', type(m)
                x = torch.tensor([[0.0], [0.25], [0.5], [1.0]], dtype=torch.float64)
                print(' '.join(repr(v) for v in m(x).detach().flatten().tolist()))
                """, dir, whole.toString());
        double[] torchOut = java.util.Arrays.stream(out.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        var model = fitlab.checkpoint.WholeModels.read(whole);
        double[] ours = model.predict(new double[] {0.0, 0.25, 0.5, 1.0}, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(ours[i], torchOut[i], 1e-12 * Math.max(1, Math.abs(ours[i])));
        }
    }

    @Test
    void evalReadsAStateDictThatPyTorchWrote() {
        PyTorch.require();
        Path sd = dir.resolve("torch_sd.pth");
        Path csv = dir.resolve("points.csv");
        String expected = PyTorch.runOk("""
                import sys, torch
                torch.manual_seed(0)
                m = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
                                        torch.nn.Linear(8, 1)).double()
                torch.save(m.state_dict(), sys.argv[1])
                x = torch.linspace(0, 1, 17, dtype=torch.float64).reshape(-1, 1)
                y = torch.cos(4 * x)
                with open(sys.argv[2], 'w') as f:
                    f.write('x,y\\n')
                    for a, b in zip(x.flatten().tolist(), y.flatten().tolist()):
                        f.write(repr(a) + ',' + repr(b) + '\\n')
                print(repr(torch.nn.functional.mse_loss(m(x), y).item()))
                """, dir, sd.toString(), csv.toString());
        Cli.Result noActivation = Cli.run("eval", sd.toString(), "--data", csv.toString());
        assertEquals(2, noActivation.exitCode());
        assertTrue(noActivation.err().contains("--activation"), noActivation.err());
        Cli.Result r = Cli.run("eval", sd.toString(), "--data", csv.toString(), "--activation", "tanh");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Double.parseDouble(expected.trim()), evalValue(r), 1e-13);
    }

    @Test
    void evalRejectsAMismatchedCsv() throws IOException {
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, "x1,x2,y\n0.1,0.2,1\n");
        Cli.Result r = Cli.run("eval", run.resolve("cells/kind=mlp/last.pth").toString(), "--data", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("two.csv: has 2 input column(s), the model takes 1"), r.err());
    }
}
