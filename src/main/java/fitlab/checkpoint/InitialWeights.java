package fitlab.checkpoint;

import fitlab.UserError;
import fitlab.checkpoint.CheckpointCodec;
import fitlab.pth.PthReader;
import fitlab.pth.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model.init}: initial weights from a {@code .pth} state_dict, e.g. one PyTorch drew with
 * {@code torch.save(model.state_dict(), path)}, or from a fitlab checkpoint's {@code model_state_dict}.
 */
public final class InitialWeights {
    private InitialWeights() {}

    public static Map<String, Tensor> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("model.init: " + file + ": no such file");
        }
        Object value = PthReader.read(file);
        if (value instanceof Map<?, ?> m && m.containsKey(CheckpointCodec.MODEL)) {
            value = m.get(CheckpointCodec.MODEL);
        }
        if (!(value instanceof Map<?, ?> sd)) {
            throw new UserError("model.init: " + file + ": expected a state_dict (a dict of tensors)");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        sd.forEach((k, v) -> {
            if (!(v instanceof Tensor t)) {
                throw new UserError("model.init: " + file + ": entry '" + k + "' is not a tensor");
            }
            out.put(String.valueOf(k), t);
        });
        return out;
    }
}
