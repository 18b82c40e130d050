package fitlab.merge;

import fitlab.UserError;
import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.experiment.RunService;
import fitlab.io.AtomicFiles;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.ConfigHash;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.ShardRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Joins the shard folders of one sweep into one run folder: the resolved config and the data (identical in every
 * shard), every cell's folder from the shard that trained it, and {@code summary.csv} recomputed over all cells (a
 * diagnosis compares a cell with the whole sweep's lowest validation loss, which no shard knows alone).
 */
final class ShardMerge {
    /** One shard folder and what it says it is. */
    record Input(RunFolder folder, ShardRecord record) {
        String name() {
            return "shard " + record.shard() + "/" + record.of() + " (" + folder.root() + ")";
        }
    }

    private ShardMerge() {}

    /** Checks everything and returns the cell folders to copy, by cell id, in cell order; writes nothing. */
    static Map<String, Input> check(List<Input> shards) {
        Input first = shards.get(0);
        String hash = ConfigHash.of(first.folder().experimentYaml());
        for (Input s : shards) {
            String own = ConfigHash.of(s.folder().experimentYaml());
            if (!own.equals(s.record().configHash())) {
                throw new UserError(ShardRecord.STORE.file(s.folder()) + ": configHash " + s.record().configHash() + " does not match "
                        + s.folder().experimentYaml() + " (" + own + "); the shard folder was changed after it was started");
            }
            if (!own.equals(hash) || !s.record().experiment().equals(first.record().experiment())) {
                throw new UserError(s.folder().root() + ": experiment '" + s.record().experiment() + "' with config " + own
                        + " is not the experiment of " + first.folder().root() + " ('" + first.record().experiment() + "', " + hash
                        + "); only shards of one resolved config can be merged");
            }
            if (s.record().of() != first.record().of()) {
                throw new UserError(s.name() + " and " + first.name() + ": different shard counts; only the N shards of one --shard K/N split can be merged");
            }
        }
        int count = first.record().of();
        Map<Integer, Input> byIndex = new TreeMap<>();
        for (Input s : shards) {
            Input before = byIndex.putIfAbsent(s.record().shard(), s);
            if (before != null) {
                throw new UserError("shard " + s.record().shard() + "/" + count + " given twice: " + before.folder().root() + " and "
                        + s.folder().root());
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError("shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " missing: "
                    + shards.size() + " of " + count + " shards given");
        }
        Experiment experiment = ExperimentLoader.loadRunFolder(first.folder().experimentYaml());
        Map<String, Input> owner = new HashMap<>();
        for (Input s : byIndex.values()) {
            List<String> expected = s.record().asShard().select(experiment.cells()).stream().map(Cell::id).toList();
            if (!expected.equals(s.record().cells())) {
                throw new UserError(ShardRecord.STORE.file(s.folder()) + ": lists cells " + s.record().cells() + " but shard " + s.record().shard()
                        + "/" + count + " of this experiment is " + expected);
            }
            expected.forEach(id -> owner.put(id, s));
        }
        Map<String, Input> cells = new java.util.LinkedHashMap<>();
        for (Cell cell : experiment.cells()) {
            List<Input> holders = byIndex.values().stream().filter(s -> Files.isDirectory(s.folder().cell(cell.id()).root())).toList();
            Input own = owner.get(cell.id());
            if (holders.size() > 1) {
                throw new UserError("cell " + cell.id() + " is in more than one shard: "
                        + holders.stream().map(Input::name).collect(Collectors.joining(" and ")) + "; it belongs to " + own.name());
            }
            if (holders.size() == 1 && holders.get(0) != own) {
                throw new UserError("cell " + cell.id() + " is in " + holders.get(0).name() + " but belongs to " + own.name());
            }
            if (holders.isEmpty()) {
                throw new UserError("cell " + cell.id() + " of " + own.name() + " has not started; finish the shard with fitlab run --resume "
                        + own.folder().root());
            }
            if (!Files.isRegularFile(own.folder().cell(cell.id()).summaryJson())) {
                throw new UserError("cell " + cell.id() + " of " + own.name() + " is unfinished (no summary.json); finish the shard with "
                        + "fitlab run --resume " + own.folder().root());
            }
            cells.put(cell.id(), own);
        }
        for (Input s : byIndex.values()) {
            String diff = TreeFiles.firstDifference(first.folder().dataDir(), s.folder().dataDir());
            if (diff != null) {
                throw new UserError(s.folder().dataDir().resolve(diff) + ": differs from " + first.folder().dataDir().resolve(diff)
                        + "; every shard of one config generates the same data, so one of the folders was changed");
            }
        }
        return cells;
    }

    /** Writes the merged run into {@code out} (an empty or new folder, whose lock the caller holds) after {@link #check}. */
    static RunFolder write(List<Input> shards, Map<String, Input> cells, RunFolder out, String command) {
        Input first = shards.get(0);
        AtomicFiles.write(out.commandTxt(), command + "\n");
        TreeFiles.copyFile(first.folder().experimentYaml(), out.experimentYaml());
        TreeFiles.copy(first.folder().dataDir(), out.dataDir());
        List<CellSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, Input> e : cells.entrySet()) {
            TreeFiles.copy(e.getValue().folder().cell(e.getKey()).root(), out.cell(e.getKey()).root());
            summaries.add(CellSummary.read(out.cell(e.getKey()).summaryJson()));
        }
        Experiment experiment = ExperimentLoader.load(out.experimentYaml(), List.of(), false);
        RunService.writeSummary(out, experiment, summaries);
        MergeRecord.ofShards(first.record(), shards.stream().map(s -> s.folder().root()).toList()).write(out);
        return out;
    }
}
