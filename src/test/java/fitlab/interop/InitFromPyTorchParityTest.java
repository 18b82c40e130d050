package fitlab.interop;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.testsupport.PyTorch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole pipeline against PyTorch: PyTorch draws the initial weights and saves them with
 * {@code torch.save(model.state_dict())}; fitlab reads them through {@code model.init}, trains on the same CSV data
 * in the same order, and every epoch's training loss in metrics.csv equals PyTorch's to 1e-10 relative.
 */
class InitFromPyTorchParityTest {
    @TempDir
    Path dir;

    private static final String TORCH = """
            import sys, torch
            torch.manual_seed(int(sys.argv[2]))
            kind, out = sys.argv[1], sys.argv[3]
            opt_name, batch = sys.argv[4], int(sys.argv[5])
            if kind == 'regression':
                n = 40
                x = torch.rand(n, 1, dtype=torch.float64)
                y = torch.sin(6 * x[:, 0]) + 0.1 * torch.randn(n, dtype=torch.float64)
                model = torch.nn.Sequential(torch.nn.Linear(1, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                                            torch.nn.Linear(16, 1)).double()
                loss_fn = lambda out_, y_: torch.nn.functional.mse_loss(out_[:, 0], y_)
                header = 'x,y'
            else:
                n = 64
                x = torch.randn(n, 2, dtype=torch.float64)
                y = (x[:, 0] * x[:, 1] > 0).long()
                model = torch.nn.Sequential(torch.nn.Linear(2, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2)).double()
                loss_fn = torch.nn.functional.cross_entropy
                header = 'x1,x2,y'
            torch.save(model.state_dict(), out + '/init.pth')
            for split in ['train', 'validation', 'test']:
                with open(out + '/data/' + split + '.csv', 'w') as f:
                    f.write(header + '\\n')
                    for row, t in zip(x.tolist(), y.tolist()):
                        f.write(','.join(repr(v) for v in row) + ',' + repr(float(t)) + '\\n')
            if opt_name == 'adam':
                opt = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-4)
            elif opt_name == 'adamw':
                opt = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.05)
            elif opt_name == 'nesterov':
                opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3)
            else:
                opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)
            for epoch in range(200):
                model.train()
                for i in range(0, n, batch):
                    opt.zero_grad()
                    loss_fn(model(x[i:i + batch]), y[i:i + batch]).backward()
                    opt.step()
                model.eval()
                with torch.no_grad():
                    print(repr(loss_fn(model(x), y).item()))
            """;

    @ParameterizedTest(name = "{0} {2} batch {3}")
    @CsvSource({"regression,1,adam,40", "regression,2,adamw,40", "regression,3,sgd,8", "classification,4,nesterov,32",
            "classification,5,adam,32", "classification,6,sgd,64"})
    void everyEpochMatchesPyTorch(String kind, int seed, String optimizer, int batch) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        List<String> torch = PyTorch.runOk(TORCH, dir, kind, Integer.toString(seed), dir.toString(), optimizer,
                Integer.toString(batch)).strip().lines().toList();
        assertEquals(200, torch.size());
        boolean classification = kind.equals("classification");
        String opt = switch (optimizer) {
            case "adam" -> "{optimizer: adam, lr: 0.01, weight_decay: 0.0001}";
            case "adamw" -> "{optimizer: adamw, lr: 0.01, weight_decay: 0.05}";
            case "nesterov" -> "{optimizer: sgd, lr: 0.05, momentum: 0.9, nesterov: true, weight_decay: 0.001}";
            default -> "{optimizer: sgd, lr: 0.05, momentum: 0.9, weight_decay: 0.001}";
        };
        Path yaml = dir.resolve("parity.yaml");
        Files.writeString(yaml, """
                name: parity
                data: {kind: csv, path: data, classes: %d}
                model: {kind: mlp, hidden: %s, activation: %s, init: init.pth}
                training: %s
                checkpoint: {every: 50}
                """.formatted(classification ? 2 : 0, classification ? "[32]" : "[16, 16]",
                classification ? "relu" : "tanh", opt).replace("optimizer:", "epochs: 200, batch: " + batch + ", shuffle: false, optimizer:"));
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<MetricsRow> rows = MetricsLog.read(dir.resolve("run/cells/base/metrics.csv"));
        assertEquals(201, rows.size());
        double worst = 0;
        for (int e = 1; e <= 200; e++) {
            double expected = Double.parseDouble(torch.get(e - 1));
            double actual = rows.get(e).trainLoss();
            worst = Math.max(worst, Math.abs(actual - expected) / Math.abs(expected));
        }
        assertTrue(worst < 1e-10, "worst relative difference " + worst);
        assertTrue(rows.get(200).trainLoss() < 0.8 * rows.get(0).trainLoss(), "it learned");
    }
}
