package fitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.UserError;
import fitlab.checkpoint.EvalService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab eval CHECKPOINT.pth --data FILE.csv}: a model file's loss on any CSV. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Loss (and accuracy) of a checkpoint, state_dict or whole-model file on a CSV file.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECKPOINT.pth")
    Path file;

    @Option(names = "--data", paramLabel = "FILE.csv", required = true, description = "Columns x,y or x1,x2,...,y.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--activation", paramLabel = "relu|tanh|sigmoid|gelu",
            description = "Activation of a bare nn.Sequential state_dict (which cannot say it).")
    String activation;

    @Option(names = "--mode", paramLabel = "train|eval", defaultValue = "eval",
            description = "eval (default): dropout off, as after model.eval(); train: dropout on (fixed masks), "
                    + "what a reloaded model reports when model.eval() is forgotten.")
    String mode;

    @Override
    public Integer call() throws Exception {
        if (!mode.equals("train") && !mode.equals("eval")) {
            throw new UserError("--mode " + mode + ": expected train or eval");
        }
        EvalService.Result r = EvalService.eval(file, data, Optional.ofNullable(activation), mode.equals("train"));
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("source", r.source());
            m.put("model_spec", r.modelSpec());
            m.put("data", data.toString());
            m.put("rows", r.rows());
            m.put("mode", mode);
            m.put("loss", r.loss());
            m.put("value", r.value());
            if (r.accuracy() != null) {
                m.put("accuracy", r.accuracy());
            }
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "%s: %s%n", file, r.source());
            out.printf(Locale.ROOT, "model: %s%n", r.modelSpec());
            out.printf(Locale.ROOT, "%s on %s (%d rows%s): %s%n", r.loss(), data, r.rows(),
                    mode.equals("train") ? ", train mode: dropout on" : "", r.value());
            if (r.accuracy() != null) {
                out.printf(Locale.ROOT, "accuracy: %s%n", r.accuracy());
            }
        }
        out.flush();
        return FitlabCommand.OK;
    }
}
