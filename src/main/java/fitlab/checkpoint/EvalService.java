package fitlab.checkpoint;

import fitlab.UserError;
import fitlab.data.Dataset;
import fitlab.data.DatasetCsv;
import fitlab.model.Activation;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.ModelSpec;
import fitlab.model.Models;
import fitlab.pth.PthReader;
import fitlab.pth.PyObject;
import fitlab.pth.Tensor;
import fitlab.random.Rng;
import fitlab.train.EvalResult;
import fitlab.train.Evaluation;
import fitlab.train.Loss;
import fitlab.train.LossKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code fitlab eval}: the loss (and accuracy) of any model file on any CSV: a fitlab checkpoint, a whole-model
 * file, or a bare state_dict of an {@code nn.Sequential} of Linear layers and activations, e.g. one PyTorch wrote
 * (its architecture inferred from the tensor names and shapes; the activation, which a state_dict cannot know,
 * given by {@code --activation}).
 */
public final class EvalService {
    private EvalService() {}

    /** The outcome: what was loaded, how it was evaluated, and the numbers. */
    public record Result(String source, Map<String, Object> modelSpec, int rows, String loss, double value, Double accuracy) {}

    public static Result eval(Path modelFile, Path csv, Optional<String> activation) {
        return eval(modelFile, csv, activation, false);
    }

    /**
     * As {@link #eval(Path, Path, Optional)}, in train mode when {@code trainMode} is set: dropout active, its masks
     * drawn from a fixed stream ({@code Rng.seeded(0)}) so the number is reproducible. That is what forgetting
     * {@code model.eval()} after loading a checkpoint costs in PyTorch.
     */
    public static Result eval(Path modelFile, Path csv, Optional<String> activation, boolean trainMode) {
        if (!Files.isRegularFile(modelFile)) {
            throw new UserError(modelFile + ": no such file");
        }
        // Any class is read as inert data (nothing is instantiated; hostile modules are still refused), so an
        // unregistered class gets the registry's explanation rather than a bare "global not allowed".
        Object value = PthReader.read(modelFile, name -> true);
        Model model;
        String source;
        if (value instanceof PyObject whole) {
            model = WholeModels.fromPyObject(whole, modelFile);
            source = "whole model (" + whole.className() + ")";
        } else if (value instanceof Map<?, ?> m && m.containsKey(CheckpointCodec.SPEC)) {
            model = Checkpoints.rebuild(CheckpointCodec.fromValue(value, modelFile));
            source = "fitlab checkpoint (epoch " + m.get(CheckpointCodec.EPOCH) + ")";
        } else if (value instanceof Map<?, ?> m && !m.isEmpty() && m.values().stream().allMatch(v -> v instanceof Tensor)) {
            model = fromStateDict(m, modelFile, activation);
            source = "state_dict";
        } else {
            throw new UserError(modelFile + ": holds " + describe(value) + "; expected a checkpoint, a state_dict or a whole model");
        }
        Dataset data = DatasetCsv.read(csv, csv.getFileName().toString());
        if (data.features() != model.inputs()) {
            throw new UserError(csv + ": has " + data.features() + " input column(s), the model takes " + model.inputs());
        }
        LossKind kind = model.outputs() > 1 ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        if (kind == LossKind.CROSS_ENTROPY) {
            for (double y : data.y()) {
                if (y != Math.rint(y) || y < 0 || y >= model.outputs()) {
                    throw new UserError(csv + ": column y must hold class indices 0.." + (model.outputs() - 1) + " for this "
                            + model.outputs() + "-output classifier, found " + y);
                }
            }
        }
        EvalResult r = trainMode
                ? Evaluation.inTrainMode(model, Loss.of(kind, model.outputs()), data, Rng.seeded(0))
                : Evaluation.of(model, Loss.of(kind, model.outputs()), data);
        return new Result(source, model.spec().toMap(), data.rows(), kind == LossKind.MSE ? "mse" : "cross_entropy", r.loss(),
                r.accuracy().isPresent() ? r.accuracy().getAsDouble() : null);
    }

    /** An nn.Sequential state_dict: {@code i.weight [out, in]} and {@code i.bias [out]} for each Linear at index i. */
    private static Model fromStateDict(Map<?, ?> sd, Path file, Optional<String> activationName) {
        TreeMap<Integer, Tensor[]> linears = new TreeMap<>();
        for (Map.Entry<?, ?> e : sd.entrySet()) {
            String key = String.valueOf(e.getKey());
            var m = java.util.regex.Pattern.compile("(\\d+)\\.(weight|bias)").matcher(key);
            if (!m.matches()) {
                throw new UserError(file + ": state_dict key '" + key + "' is not <index>.weight or <index>.bias of an nn.Sequential; "
                        + "fitlab can infer only Sequential MLPs from a bare state_dict");
            }
            Tensor[] pair = linears.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new Tensor[2]);
            pair[m.group(2).equals("weight") ? 0 : 1] = (Tensor) e.getValue();
        }
        List<Integer> sizes = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(linears.keySet());
        for (int index : indices) {
            Tensor[] pair = linears.get(index);
            if (pair[0] == null || pair[0].dim() != 2 || pair[1] == null) {
                throw new UserError(file + ": layer " + index + " needs a 2-D weight and a bias");
            }
            if (sizes.isEmpty()) {
                sizes.add((int) pair[0].shape()[1]);
            } else if (sizes.get(sizes.size() - 1) != pair[0].shape()[1]) {
                throw new UserError(file + ": layer " + index + " takes " + pair[0].shape()[1] + " inputs but the layer before gives "
                        + sizes.get(sizes.size() - 1));
            }
            sizes.add((int) pair[0].shape()[0]);
        }
        int hiddenLayers = sizes.size() - 2;
        Activation activation = Activation.RELU;
        if (hiddenLayers > 0) {
            String name = activationName.orElseThrow(() -> new UserError(file + ": a bare state_dict does not say which activation "
                    + "sits between its Linear layers; pass --activation relu|tanh|sigmoid|gelu"));
            activation = Activation.fromKey(name);
            if (activation == null) {
                throw new UserError("--activation " + name + ": expected relu, tanh, sigmoid or gelu");
            }
        }
        int stride = hiddenLayers > 0 ? indices.get(1) - indices.get(0) : 2;
        double dropout = stride == 3 ? 0.5 : 0.0; // an index gap of 3 means Linear, activation, Dropout; p does not matter in eval mode
        ModelSpec spec = new MlpSpec(sizes.get(0), sizes.subList(1, sizes.size() - 1), sizes.get(sizes.size() - 1), activation, dropout);
        Model model = Models.create(spec, Rng.seeded(0));
        LinkedHashMap<String, Tensor> renamed = new LinkedHashMap<>();
        for (int i = 0; i < indices.size(); i++) {
            Tensor[] pair = linears.get(indices.get(i));
            renamed.put(i * stride + ".weight", pair[0]);
            renamed.put(i * stride + ".bias", pair[1]);
        }
        model.loadStateDict(renamed);
        return model;
    }

    private static String describe(Object v) {
        return v == null ? "None" : v instanceof Map<?, ?> m ? "a dict with keys " + m.keySet() : v.getClass().getSimpleName();
    }
}
