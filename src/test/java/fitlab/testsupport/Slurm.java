package fitlab.testsupport;


import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Slurm and munge as Debian packages them (slurm-wlm, munge), for the test that runs a real job array. Locally,
 * without them (or without root, which the one-node cluster needs), the test is skipped with a message saying what
 * to install; in CI ({@code CI=true}) it must run: a missing tool fails it.
 */
public final class Slurm {
    private Slurm() {}

    public static void require() {
        String missing = null;
        for (String tool : new String[] {"/usr/bin/sbatch", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged"}) {
            if (!Files.isExecutable(Path.of(tool))) {
                missing = tool;
                break;
            }
        }
        String how = null;
        if (missing != null) {
            how = missing + " not found: install Slurm with 'apt-get install -y --no-install-recommends slurm-wlm munge'";
        } else if (!"root".equals(System.getProperty("user.name"))) {
            how = "the one-node Slurm cluster (examples/slurm/one-node-cluster.sh) starts its daemons as root; run the test as root";
        }
        if (how == null) {
            return;
        }
        MissingTool.skipLocallyFailInCi(how, "the Slurm job-array test");
    }
}
