package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** A lesson's {@code --quick} run in a folder, and what its claims are checked against: summary.csv and metrics.csv. */
record LessonRun(Path dir, Table summary) {

    /** Runs {@code experiments/<yaml>} with --quick, two threads and the given extra arguments (e.g. --set seed=7). */
    static LessonRun quick(String yaml, Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "experiments/" + yaml, "--quick", "--out", dir.toString(), "--threads", "2"));
        args.addAll(Arrays.asList(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return new LessonRun(dir, Table.read().csv(CsvReadOptions.builder(dir.resolve("summary.csv").toFile()).build()));
    }

    /** Same, with the experiment's seed replaced. */
    static LessonRun quick(String yaml, Path dir, int seed) {
        return quick(yaml, dir, "--set", "seed=" + seed);
    }

    int row(String cell) {
        for (int i = 0; i < summary.rowCount(); i++) {
            if (summary.column("cell").getString(i).equals(cell)) {
                return i;
            }
        }
        throw new AssertionError("no cell " + cell + " in " + summary.column("cell").asList());
    }

    double value(String cell, String column) {
        return ((Number) summary.column(column).get(row(cell))).doubleValue();
    }

    String text(String cell, String column) {
        return summary.column(column).getString(row(cell));
    }

    /** The cell's final test loss minus its final training loss: how much worse it does on unseen data. */
    double gap(String cell) {
        return value(cell, "final_test_loss") - value(cell, "final_train_loss");
    }

    Path cell(String cell) {
        return dir.resolve("cells").resolve(cell);
    }

    /** One column of a cell's metrics.csv, indexed by row (row 0 is epoch 0). */
    double[] metric(String cell, String column) throws IOException {
        List<String> lines = Files.readAllLines(cell(cell).resolve("metrics.csv"));
        int index = Arrays.asList(lines.get(0).split(",")).indexOf(column);
        return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[index])).toArray();
    }
}
