package fitlab.shard;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.runfolder.Shard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/kubernetes without a cluster: the manifests parse, the sweep is an Indexed Job whose pods each run the
 * shard their JOB_COMPLETION_INDEX names, on the shared volume the merge Job reads; and the pod's shell command,
 * run here with a stand-in fitlab, passes the arguments fitlab expects.
 */
class KubernetesManifestTest {
    static final Path DIR = Path.of("examples/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> of = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertEquals(1, of.size(), "one " + kind);
        return of.get(0);
    }

    /** The fields every Job here needs, returning its container. */
    static JsonNode checkJob(JsonNode job) {
        assertEquals("batch/v1", job.path("apiVersion").asText());
        assertEquals("Job", job.path("kind").asText());
        assertFalse(job.path("metadata").path("name").asText().isEmpty(), "metadata.name");
        JsonNode pod = job.path("spec").path("template").path("spec");
        assertTrue(List.of("Never", "OnFailure").contains(pod.path("restartPolicy").asText()),
                "a Job's pods must have restartPolicy Never or OnFailure, got " + pod.path("restartPolicy"));
        assertEquals(1, pod.path("containers").size());
        JsonNode container = pod.path("containers").get(0);
        assertFalse(container.path("image").asText().isEmpty(), "image");
        assertFalse(container.path("name").asText().isEmpty(), "container name");
        for (JsonNode mount : container.path("volumeMounts")) {
            String name = mount.path("name").asText();
            assertTrue(mount.path("mountPath").asText().startsWith("/"), "mountPath is absolute");
            boolean declared = false;
            for (JsonNode v : pod.path("volumes")) {
                declared |= v.path("name").asText().equals(name);
            }
            assertTrue(declared, "volume " + name + " declared in the pod");
        }
        return container;
    }

    static String claim(JsonNode job) {
        JsonNode volumes = job.path("spec").path("template").path("spec").path("volumes");
        assertEquals(1, volumes.size());
        return volumes.get(0).path("persistentVolumeClaim").path("claimName").asText();
    }

    static String script(JsonNode container) {
        assertEquals(List.of("/bin/sh", "-c"), List.of(container.path("command").get(0).asText(), container.path("command").get(1).asText()));
        return container.path("args").get(0).asText();
    }

    @Test
    void theSweepIsAnIndexedJobOfShardsOnASharedVolume() throws IOException {
        List<JsonNode> docs = documents(DIR.resolve("sweep-job.yaml"));
        JsonNode pvc = only(docs, "PersistentVolumeClaim");
        assertEquals("v1", pvc.path("apiVersion").asText());
        List<String> modes = new ArrayList<>();
        pvc.path("spec").path("accessModes").forEach(m -> modes.add(m.asText()));
        assertTrue(modes.contains("ReadWriteMany"), "pods on different nodes write the same volume");
        assertFalse(pvc.path("spec").path("resources").path("requests").path("storage").asText().isEmpty());

        JsonNode job = only(docs, "Job");
        JsonNode container = checkJob(job);
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertTrue(spec.path("completions").isInt() && spec.path("parallelism").isInt());
        int n = spec.path("completions").asInt();
        assertTrue(n >= 1);
        assertEquals(n, spec.path("parallelism").asInt(), "all shards at once");
        assertEquals(pvc.path("metadata").path("name").asText(), claim(job));

        String script = script(container);
        assertTrue(script.contains("--shard k8s/" + n + " "), "--shard k8s/N with N = completions: " + script);
        assertTrue(script.contains("JOB_COMPLETION_INDEX"));
        String mount = container.path("volumeMounts").get(0).path("mountPath").asText();
        Matcher out = Pattern.compile("out=\"(" + Pattern.quote(mount) + "/[^\"]*)/shard-\\$\\(\\(JOB_COMPLETION_INDEX \\+ 1\\)\\)-of-" + n + "\"")
                .matcher(script);
        assertTrue(out.find(), "each pod writes its shard folder on the shared volume: " + script);
        String index = null;
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("JOB_COMPLETION_INDEX")) {
                index = e.path("valueFrom").path("fieldRef").path("fieldPath").asText();
            }
        }
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']", index);

        // every shard of the lesson's resolved sweep has cells to train
        Matcher set = Pattern.compile("--set '([^']*)'").matcher(script);
        List<String> sets = new ArrayList<>();
        while (set.find()) {
            sets.add(set.group(1));
        }
        Matcher lesson = Pattern.compile("/opt/fitlab/(experiments/[^ ]+\\.yaml)").matcher(script);
        assertTrue(lesson.find());
        Experiment e = ExperimentLoader.load(Path.of(lesson.group(1)), sets, false);
        assertEquals(630, e.cells().size(), "30 seeds x 21 degrees");
        for (int k = 1; k <= n; k++) {
            assertFalse(new Shard(k, n).select(e.cells()).isEmpty());
        }

        JsonNode merge = only(documents(DIR.resolve("merge-job.yaml")), "Job");
        JsonNode mergeContainer = checkJob(merge);
        assertTrue(merge.path("spec").path("completionMode").isMissingNode(), "the merge is one ordinary pod");
        assertEquals(claim(job), claim(merge), "the merge reads the sweep's volume");
        assertEquals(mount, mergeContainer.path("volumeMounts").get(0).path("mountPath").asText());
        String mergeScript = script(mergeContainer);
        assertTrue(mergeScript.contains("fitlab merge " + out.group(1) + "/shard-*-of-" + n + " --out "), mergeScript);
    }

    @Test
    void thePodCommandRunsTheShardOfItsIndex(@TempDir Path tmp) throws Exception {
        JsonNode container = checkJob(only(documents(DIR.resolve("sweep-job.yaml")), "Job"));
        String script = script(container).replace("/runs/", tmp + "/runs/");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path calls = tmp.resolve("calls.txt");
        Files.writeString(bin.resolve("fitlab"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + calls + "\n");
        bin.resolve("fitlab").toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JOB_COMPLETION_INDEX", "3");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<String> args = Files.readAllLines(calls);
        assertEquals("run", args.get(0));
        int shard = args.indexOf("--shard");
        assertEquals("k8s/8", args.get(shard + 1));
        assertEquals(new Shard(4, 8), Shard.parse(args.get(shard + 1), Map.of("JOB_COMPLETION_INDEX", "3")));
        assertEquals(tmp + "/runs/double-descent/shards/shard-4-of-8", args.get(args.indexOf("--out") + 1),
                "index 3 writes the folder of shard 4/8");

        // a retried pod finds its shard record and resumes instead
        Path folder = tmp.resolve("runs/double-descent/shards/shard-4-of-8");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("shard.json"), "{}");
        p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of("run", "--resume", folder.toString(), "--threads", "1"), Files.readAllLines(calls));
    }
}
