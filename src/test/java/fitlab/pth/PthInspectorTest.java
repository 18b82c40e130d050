package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PthInspectorTest {
    @TempDir
    Path dir;

    @Test
    void jsonListsFormatGlobalsTensorsAndScalarsByPath() throws Exception {
        Map<String, Object> sd = new LinkedHashMap<>();
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        sd.put("0.weight", w);
        sd.put("0.bias", Tensor.of(new double[] {0.5, -1}, 2));
        Map<Object, Object> state = new LinkedHashMap<>();
        state.put(0L, new LinkedHashMap<>(Map.of("exp_avg", new Tensor(w.storage(), 1, new long[] {2}, new long[] {3}, false))));
        Map<Object, Object> ckpt = new LinkedHashMap<>();
        ckpt.put("epoch", 3L);
        ckpt.put("model_state_dict", OrderedDict.stateDict(sd));
        ckpt.put("optimizer_state_dict", new LinkedHashMap<>(Map.of("state", state, "param_groups", List.of(Map.of("lr", 0.5)))));
        ckpt.put("note", null);
        ckpt.put("flags", new ArrayList<>(List.of(true, "x")));
        Path file = dir.resolve("c.pth");
        PthWriter.write(file, ckpt);

        JsonNode j = Describe.parse(PthInspector.inspectJson(file, true));
        assertEquals("zip", j.get("format").asText());
        assertEquals("little", j.get("byteorder").asText());
        assertEquals("[\"collections.OrderedDict\",\"torch.DoubleStorage\",\"torch._utils._rebuild_tensor_v2\"]", j.get("globals").toString());
        JsonNode t0 = j.get("tensors").get(0);
        assertEquals("model_state_dict/0.weight", t0.get("name").asText());
        assertEquals("float64", t0.get("dtype").asText());
        assertEquals("[2,3]", t0.get("shape").toString());
        assertEquals("[3,1]", t0.get("stride").toString());
        assertEquals("[1.0,2.0,3.0,4.0,5.0,6.0]", t0.get("values").toString());
        JsonNode avg = j.get("tensors").get(2);
        assertEquals("optimizer_state_dict/state/0/exp_avg", avg.get("name").asText());
        assertEquals(1, avg.get("storage_offset").asInt());
        assertEquals("[2.0,5.0]", avg.get("values").toString());
        assertEquals("{\"name\":\"epoch\",\"type\":\"int\",\"value\":3}", j.get("scalars").get(0).toString());
        assertEquals("{\"name\":\"optimizer_state_dict/param_groups/0/lr\",\"type\":\"float\",\"value\":0.5}", j.get("scalars").get(1).toString());
        assertEquals("{\"name\":\"note\",\"type\":\"None\",\"value\":null}", j.get("scalars").get(2).toString());
        assertEquals("flags/1", j.get("scalars").get(4).get("name").asText());
        assertFalse(Describe.parse(PthInspector.inspectJson(file, false)).get("tensors").get(0).has("values"));

        String text = PthInspector.inspectText(file, false);
        assertTrue(text.startsWith("format: zip, byteorder: little\n"), text);
        assertTrue(text.contains("optimizer_state_dict/state/0/exp_avg"), text);
    }

    @Test
    void wholeModelFilesCanBeInspected() {
        Path file = dir.resolve("m.pth");
        PthWriter.write(file, TorchModules.sequential(List.of(
                TorchModules.linear(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(new double[] {0, 1}, 2)), TorchModules.relu())));
        JsonNode j = Describe.parse(PthInspector.inspectJson(file, false));
        assertEquals("_modules/0/_parameters/weight", j.get("tensors").get(0).get("name").asText());
        assertTrue(j.get("globals").toString().contains("torch.nn.modules.container.Sequential"));
    }
}
