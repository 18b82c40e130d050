package fitlab.shard;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.ShardRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards 1/3, 2/3 and 3/3 of a six-cell sweep (two training-set sizes, so two data folders) run separately and merged
 * give the unsharded run's files byte for byte, and verify passes on the merge; a shard killed mid-run and resumed
 * merges to the same; every inconsistency fitlab merge can meet is one line on stderr, exit 2, nothing written.
 */
class ShardMergeTest {
    static final String SWEEP = """
            name: shard-sweep
            seed: 7
            data: {kind: regression1d, function: sin(5*x), x: [0, 1], noise: 0.1, train: 30, validation: 30, test: 100}
            model: {kind: mlp, hidden: [8], activation: tanh}
            training: {optimizer: adam, lr: 0.02, epochs: 80, batch: 10, shuffle: true}
            early_stopping: {patience: 1000}
            checkpoint: {every: 1, keep: all}
            sweep:
              data.train: [20, 30]
              model.hidden: [[2], [8], [16]]
            """;

    @TempDir
    static Path dir;
    static Path yaml;
    static Path whole;
    static List<Path> shards = new ArrayList<>();
    static Path merged;

    @BeforeAll
    static void runs() throws IOException {
        yaml = dir.resolve("sweep.yaml");
        Files.writeString(yaml, SWEEP);
        whole = dir.resolve("whole");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", whole.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        for (int k = 1; k <= 3; k++) {
            Path s = dir.resolve("shard-" + k);
            r = Cli.run("run", yaml.toString(), "--shard", k + "/3", "--out", s.toString(), "--threads", "1");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("fitlab merge"), r.out());
            shards.add(s);
        }
        merged = dir.resolve("merged");
        r = merge(merged, shards.get(2), shards.get(0), shards.get(1)); // any order
        assertEquals(0, r.exitCode(), r.err());
    }

    static Cli.Result merge(Path out, Path... in) {
        List<String> a = new ArrayList<>(List.of("merge"));
        for (Path p : in) {
            a.add(p.toString());
        }
        a.add("--out");
        a.add(out.toString());
        return Cli.run(a.toArray(String[]::new));
    }

    @Test
    void eachShardHoldsItsRoundRobinCellsAndEveryCellsData() throws IOException {
        List<String> all = fitlab.config.ExperimentLoader.load(whole.resolve("experiment.yaml"), List.of(), false).cells().stream()
                .map(fitlab.config.Cell::id).toList();
        assertEquals(6, all.size());
        for (int k = 1; k <= 3; k++) {
            ShardRecord record = ShardRecord.STORE.read(new RunFolder(shards.get(k - 1)));
            assertEquals(List.of(all.get(k - 1), all.get(k + 2)), record.cells(), "cells i with i mod 3 = K - 1");
            assertEquals(k, record.shard());
            assertEquals(3, record.of());
            assertEquals("shard-sweep", record.experiment());
            assertEquals(fitlab.runfolder.ConfigHash.of(whole.resolve("experiment.yaml")), record.configHash());
            try (var cells = Files.list(shards.get(k - 1).resolve("cells"))) {
                assertEquals(2, cells.count());
            }
            assertEquals(SameRun.tree(whole, "data"), SameRun.tree(shards.get(k - 1), "data"), "two data folders in every shard");
            for (String f : SameRun.tree(whole, "data")) {
                assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(shards.get(k - 1).resolve(f)), f);
            }
            assertFalse(Files.exists(shards.get(k - 1).resolve("report")), "a shard's report is drawn by the merge");
            Cli.Result report = Cli.run("report", shards.get(k - 1).toString());
            assertEquals(2, report.exitCode());
            assertTrue(report.err().contains("is shard " + k + "/3 of a sweep"), report.err());
            Cli.Result v = Cli.run("verify", shards.get(k - 1).toString());
            assertEquals(0, v.exitCode(), v.out() + v.err());
            assertTrue(v.out().contains("reproduce metrics.csv bit for bit"), v.out());
        }
    }

    @Test
    void mergedShardsEqualTheUnshardedRunByteForByte() throws IOException {
        int files = SameRun.assertSame(whole, merged);
        assertTrue(files > 6 * 80, files + " files compared");
        assertTrue(Files.isRegularFile(merged.resolve("report/index.html")));
        Cli.Result v = Cli.run("verify", merged.toString());
        assertEquals(0, v.exitCode(), v.out() + v.err());
        assertTrue(v.out().contains("reproduce metrics.csv bit for bit"), v.out());
    }

    @Test
    void aShardKilledMidRunAndResumedMergesToTheSameRun() throws Exception {
        Path killed = dir.resolve("killed-2");
        Process p = fitlab("run", yaml.toString(), "--shard", "2/3", "--out", killed.toString(), "--threads", "1").start();
        Path metrics = killed.resolve("cells/train=20,hidden=8/metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline && lines(metrics) < 20) {
            Thread.sleep(2);
        }
        p.destroyForcibly().waitFor();
        // one thread trains the shard's two cells one after the other: the kill lands in the first or before the second ends
        assertFalse(Files.exists(killed.resolve("cells/train=30,hidden=8/summary.json")), "killed before the shard finished");

        Cli.Result unfinished = merge(dir.resolve("merged-unfinished"), shards.get(0), killed, shards.get(2));
        assertEquals(2, unfinished.exitCode());
        assertTrue(unfinished.err().contains("unfinished") || unfinished.err().contains("has not started"), unfinished.err());

        Cli.Result resumed = Cli.run("run", "--resume", killed.toString(), "--threads", "1");
        assertEquals(0, resumed.exitCode(), resumed.err());
        try (var cells = Files.list(killed.resolve("cells"))) {
            assertEquals(2, cells.count(), "resume trains only the shard's cells");
        }
        Path out = dir.resolve("merged-after-resume");
        Cli.Result r = merge(out, shards.get(0), killed, shards.get(2));
        assertEquals(0, r.exitCode(), r.err());
        SameRun.assertSame(whole, out);
    }

    private static long lines(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            return 0;
        }
        try (var l = Files.lines(f)) {
            return l.count();
        }
    }

    static ProcessBuilder fitlab(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "fitlab.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /** A merge that must fail: exit 2, one line on stderr containing {@code expected}, and no output folder. */
    private static void refused(String expected, Path... in) {
        Path out = dir.resolve("refused-" + System.nanoTime());
        Cli.Result r = merge(out, in);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMissingShardIsRefused() {
        refused("shard 3/3 missing", shards.get(0), shards.get(1));
        refused("shards 1/3, 3/3 missing", shards.get(1));
    }

    @Test
    void aDuplicateShardIsRefused() throws IOException {
        Path copy = dir.resolve("shard-1-copy");
        SameRun.copyTree(shards.get(0), copy);
        refused("shard 1/3 given twice", shards.get(0), copy, shards.get(1), shards.get(2));
    }

    @Test
    void aShardOfADifferentConfigIsRefused() {
        Path other = dir.resolve("other-seed-3");
        Cli.Result r = Cli.run("run", yaml.toString(), "--shard", "3/3", "--set", "seed=8", "--out", other.toString(), "--threads", "1",
                "--set", "training.epochs=5");
        assertEquals(0, r.exitCode(), r.err());
        refused("only shards of one resolved config can be merged", shards.get(0), shards.get(1), other);
    }

    @Test
    void differentShardCountsAreRefused() {
        Path half = dir.resolve("half-2");
        Cli.Result r = Cli.run("run", yaml.toString(), "--shard", "2/2", "--out", half.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        refused("different shard counts", shards.get(0), half);
    }

    @Test
    void anUnfinishedCellIsRefused() throws IOException {
        Path copy = dir.resolve("shard-3-unfinished");
        SameRun.copyTree(shards.get(2), copy);
        Files.delete(copy.resolve("cells/train=20,hidden=16/summary.json"));
        refused("cell train=20,hidden=16 of shard 3/3 (" + copy + ") is unfinished", shards.get(0), shards.get(1), copy);
    }

    @Test
    void aCellInTwoShardsIsRefused() throws IOException {
        Path copy = dir.resolve("shard-3-extra");
        SameRun.copyTree(shards.get(2), copy);
        SameRun.copyTree(shards.get(0).resolve("cells/train=20,hidden=2"), copy.resolve("cells/train=20,hidden=2"));
        refused("cell train=20,hidden=2 is in more than one shard", shards.get(0), shards.get(1), copy);
    }

    @Test
    void changedDataOrAnEditedConfigIsRefused() throws IOException {
        Path data = dir.resolve("shard-2-data");
        SameRun.copyTree(shards.get(1), data);
        Path train = data.resolve("data/train.csv");
        byte[] b = Files.readAllBytes(train);
        b[b.length - 2] ^= 1;
        Files.write(train, b);
        refused("data/train.csv: differs from", shards.get(0), data, shards.get(2));

        Path edited = dir.resolve("shard-2-edited");
        SameRun.copyTree(shards.get(1), edited);
        Files.writeString(edited.resolve("experiment.yaml"), Files.readString(edited.resolve("experiment.yaml")) + "\n");
        refused("the shard folder was changed after it was started", shards.get(0), edited, shards.get(2));
    }

    @Test
    void aShardMixedWithAWholeRunOrANonEmptyOutIsRefused() throws IOException {
        refused("is a shard folder but", shards.get(0), whole);
        Path out = dir.resolve("not-empty");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Cli.Result r = merge(out, shards.toArray(Path[]::new));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("folder is not empty"), r.err());
        assertEquals(List.of(out.resolve("notes.txt")), Files.list(out).toList());
    }

    @Test
    void badShardFlagsAreOneLineErrors() {
        Cli.Result r = Cli.run("run", yaml.toString(), "--shard", "4/3", "--out", dir.resolve("bad-1").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--shard 4/3: expected K/N with 1 <= K <= N"), r.err());
        r = Cli.run("run", yaml.toString(), "--shard", "7/7", "--out", dir.resolve("bad-2").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the sweep has only 6 cells"), r.err());
        assertFalse(Files.exists(dir.resolve("bad-2")), "nothing written before validation");
        r = Cli.run("run", yaml.toString(), "--shard", "two/3", "--out", dir.resolve("bad-3").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'two' is not a whole number"), r.err());
    }
}
