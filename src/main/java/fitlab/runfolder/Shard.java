package fitlab.runfolder;

import fitlab.UserError;
import fitlab.config.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shard {@code index} of {@code count} of a sweep: the cells at positions {@code index - 1}, {@code index - 1 + count},
 * {@code index - 1 + 2·count}, ... of the experiment's cell order (round robin). The assignment depends only on the
 * resolved config, never on the machine, and spreads cheap and expensive capacities over all shards.
 *
 * @param index 1..count
 */
public record Shard(int index, int count) {
    /** Environment variables the batch engines set for each task of an array job. */
    public static final String SLURM_TASK_ID = "SLURM_ARRAY_TASK_ID";
    public static final String SLURM_TASK_MIN = "SLURM_ARRAY_TASK_MIN";
    public static final String SLURM_TASK_COUNT = "SLURM_ARRAY_TASK_COUNT";
    public static final String K8S_INDEX = "JOB_COMPLETION_INDEX";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UserError("--shard " + index + "/" + count + ": expected K/N with 1 <= K <= N");
        }
    }

    /**
     * Parses {@code --shard}: {@code K/N}; {@code slurm} (K and N from a Slurm job array, whose task ids must be
     * consecutive, e.g. {@code --array=0-9} or {@code 1-10}); or {@code k8s/N} (K from a Kubernetes Indexed Job's
     * {@code JOB_COMPLETION_INDEX}, 0-based; Kubernetes does not tell a pod the number of completions, so N is given).
     */
    public static Shard parse(String text, Map<String, String> env) {
        String t = text.strip();
        if (t.equals("slurm")) {
            int id = envInt(env, SLURM_TASK_ID, "--shard slurm");
            int min = env.containsKey(SLURM_TASK_MIN) ? envInt(env, SLURM_TASK_MIN, "--shard slurm") : 0;
            int count = envInt(env, SLURM_TASK_COUNT, "--shard slurm");
            if (id - min >= count) {
                throw new UserError("--shard slurm: task " + id + " of an array starting at " + min + " with " + count
                        + " tasks; the array's task ids must be consecutive (e.g. --array=0-" + (count - 1) + ")");
            }
            return new Shard(id - min + 1, count);
        }
        String[] parts = t.split("/", -1);
        if (parts.length != 2) {
            throw new UserError("--shard " + text + ": expected K/N (e.g. 2/5), slurm, or k8s/N");
        }
        int count = number(parts[1], text);
        if (parts[0].equals("k8s")) {
            return new Shard(envInt(env, K8S_INDEX, "--shard " + text) + 1, count);
        }
        return new Shard(number(parts[0], text), count);
    }

    /** This shard's cells, in the experiment's order. */
    public List<Cell> select(List<Cell> cells) {
        List<Cell> out = new ArrayList<>();
        for (int i = index - 1; i < cells.size(); i += count) {
            out.add(cells.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static int number(String s, String text) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new UserError("--shard " + text + ": '" + s + "' is not a whole number; expected K/N (e.g. 2/5), slurm, or k8s/N");
        }
    }

    private static int envInt(Map<String, String> env, String name, String flag) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new UserError(flag + ": environment variable " + name + " is not set (is this running inside the batch engine's array job?)");
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new UserError(flag + ": environment variable " + name + "='" + v + "' is not a whole number");
        }
    }
}
