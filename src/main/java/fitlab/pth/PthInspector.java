package fitlab.pth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes a {@code .pth} file without loading it into anything: its format, byte order, the globals its
 * pickle references, every tensor (name, dtype, shape, storage offset, stride, optionally values) and
 * every scalar. Names are dict keys and list indices joined by {@code /}, e.g.
 * {@code optimizer_state_dict/state/0/exp_avg}. Module classes are admitted as inert data, so whole-model
 * files can be inspected too; nothing is ever run.
 */
public final class PthInspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PthInspector() {}

    /** One JSON object: {@code format, byteorder, globals, tensors, scalars} ({@code inspect --json}, described in the README). */
    public static String inspectJson(Path file, boolean withValues) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(inspect(file, withValues));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation failed: " + e.getMessage(), e);
        }
    }

    /** The same facts as aligned, human-readable lines. */
    public static String inspectText(Path file, boolean withValues) {
        ObjectNode o = inspect(file, withValues);
        StringBuilder sb = new StringBuilder();
        sb.append("format: ").append(o.get("format").asText()).append(", byteorder: ").append(o.get("byteorder").asText()).append('\n');
        sb.append("globals:\n");
        o.get("globals").forEach(g -> sb.append("  ").append(g.asText()).append('\n'));
        sb.append("tensors (").append(o.get("tensors").size()).append("):\n");
        for (var t : o.get("tensors")) {
            sb.append(String.format("  %-40s %-8s shape=%s offset=%d stride=%s%n", t.get("name").asText(), t.get("dtype").asText(),
                    t.get("shape"), t.get("storage_offset").asLong(), t.get("stride")));
            if (t.has("values")) {
                sb.append("    values=").append(t.get("values")).append('\n');
            }
        }
        sb.append("scalars (").append(o.get("scalars").size()).append("):\n");
        for (var s : o.get("scalars")) {
            sb.append(String.format("  %-40s %-5s %s%n", s.get("name").asText(), s.get("type").asText(), s.get("value")));
        }
        return sb.toString();
    }

    static ObjectNode inspect(Path file, boolean withValues) {
        PthFile pth = PthReader.readFile(file, ReadOptions.allowing(name -> true));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", pth.format());
        root.put("byteorder", pth.byteorder());
        ArrayNode globals = root.putArray("globals");
        pth.globals().forEach(globals::add);
        ArrayNode tensors = root.putArray("tensors");
        ArrayNode scalars = root.putArray("scalars");
        walk(pth.value(), "", tensors, scalars, withValues);
        return root;
    }

    private static void walk(Object v, String name, ArrayNode tensors, ArrayNode scalars, boolean withValues) {
        if (v instanceof Tensor t) {
            ObjectNode o = tensors.addObject();
            o.put("name", name);
            o.put("dtype", t.dtype().torchName());
            longs(o.putArray("shape"), t.shape());
            o.put("storage_offset", t.storageOffset());
            longs(o.putArray("stride"), t.stride());
            if (withValues) {
                ArrayNode values = o.putArray("values");
                if (t.dtype() == DType.BOOL) {
                    Arrays.stream(t.toLongArray()).forEach(x -> values.add(x != 0));
                } else if (t.dtype().isFloatingPoint()) {
                    Arrays.stream(t.toDoubleArray()).forEach(values::add);
                } else {
                    Arrays.stream(t.toLongArray()).forEach(values::add);
                }
            }
        } else if (v instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                walk(e.getValue(), join(name, key(e.getKey())), tensors, scalars, withValues);
            }
        } else if (v instanceof PyObject p) {
            for (var e : p.state().entrySet()) {
                walk(e.getValue(), join(name, e.getKey()), tensors, scalars, withValues);
            }
        } else if (v instanceof List<?> || v instanceof PyTuple || v instanceof Set<?>) {
            List<?> items = v instanceof PyTuple t ? t.items() : v instanceof List<?> l ? l : List.copyOf((Set<?>) v);
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), join(name, Integer.toString(i)), tensors, scalars, withValues);
            }
        } else {
            scalar(v, name, scalars);
        }
    }

    private static void scalar(Object v, String name, ArrayNode scalars) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", name);
        if (v == null) {
            o.put("type", "None");
            o.putNull("value");
        } else if (v instanceof Boolean b) {
            o.put("type", "bool");
            o.put("value", b);
        } else if (v instanceof Long l) {
            o.put("type", "int");
            o.put("value", l);
        } else if (v instanceof BigInteger b) {
            o.put("type", "int");
            o.put("value", b);
        } else if (v instanceof Double d) {
            o.put("type", "float");
            o.put("value", d);
        } else if (v instanceof String s) {
            o.put("type", "str");
            o.put("value", s);
        } else if (v instanceof byte[] b) {
            o.put("type", "bytes");
            o.put("value", java.util.HexFormat.of().formatHex(b));
        } else {
            return; // storages or globals on their own carry no value worth listing
        }
        scalars.add(o);
    }

    private static String key(Object k) {
        return k instanceof String s ? s : k == null ? "None" : k instanceof PyTuple t ? t.items().toString() : String.valueOf(k);
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    private static void longs(ArrayNode a, long[] values) {
        for (long v : values) {
            a.add(v);
        }
    }
}
