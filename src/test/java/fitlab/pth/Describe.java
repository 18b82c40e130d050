package fitlab.pth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A canonical JSON description of a value, computed identically here and by {@link #PYTHON} in PyTorch, so
 * "fitlab and torch hold the same value" is one JSON comparison. Floats (and tensor elements, widened to
 * double) are compared by their exact bits; storages are numbered in order of first appearance, so shared
 * storages (views, tied weights) must be shared on both sides.
 */
final class Describe {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Map<Storage, Integer> storageIds = new IdentityHashMap<>();

    private Describe() {}

    /** Re-parsed, so numbers have the same node types as JSON that came from Python. */
    static JsonNode of(Object value) {
        return parse(new Describe().node(value).toString());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("bad JSON from python: " + json, e);
        }
    }

    private JsonNode node(Object v) {
        ObjectNode o = F.objectNode();
        if (v == null) {
            return F.nullNode();
        } else if (v instanceof Boolean b) {
            o.put("bool", b);
        } else if (v instanceof Long || v instanceof BigInteger) {
            o.put("int", v.toString());
        } else if (v instanceof Double d) {
            o.put("float", Long.toString(Double.doubleToLongBits(d)));
        } else if (v instanceof String s) {
            o.put("str", s);
        } else if (v instanceof PyTuple t) {
            o.set("tuple", list(t.items()));
        } else if (v instanceof List<?> l) {
            o.set("list", list(l));
        } else if (v instanceof Set<?> s) {
            o.set("set", list(List.copyOf(s)));
        } else if (v instanceof OrderedDict od) {
            o.set("odict", pairs(od));
            o.set("meta", od.metadata() == null ? F.nullNode() : node(od.metadata()));
        } else if (v instanceof Map<?, ?> m) {
            o.set("dict", pairs(m));
        } else if (v instanceof Tensor t) {
            o.put("tensor", t.dtype().torchName());
            o.set("shape", longs(t.shape()));
            o.set("stride", longs(t.stride()));
            o.put("offset", t.storageOffset());
            o.put("storage", storageIds.computeIfAbsent(t.storage(), s -> storageIds.size()));
            o.put("storage_numel", t.storage().numel());
            o.put("param", t.isParameter());
            o.put("requires_grad", t.requiresGrad());
            ArrayNode values = F.arrayNode();
            for (double d : t.toDoubleArray()) {
                values.add(Long.toString(Double.doubleToLongBits(d)));
            }
            o.set("values", values);
        } else {
            throw new AssertionError("no description for " + v.getClass());
        }
        return o;
    }

    private ArrayNode list(List<?> items) {
        ArrayNode a = F.arrayNode();
        for (Object item : items) {
            a.add(node(item));
        }
        return a;
    }

    private ArrayNode pairs(Map<?, ?> m) {
        ArrayNode a = F.arrayNode();
        for (var e : m.entrySet()) {
            a.add(F.arrayNode().add(node(e.getKey())).add(node(e.getValue())));
        }
        return a;
    }

    private static ArrayNode longs(long[] values) {
        ArrayNode a = F.arrayNode();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    /** The same description in Python: {@code describe(value)}; include before a test script's body. */
    static final String PYTHON = """
            import torch, struct, json, collections, sys
            def _bits(x):
                return str(struct.unpack('<q', struct.pack('<d', float(x)))[0])
            class _D:
                def __init__(self):
                    self.ids = {}
                def sid(self, t):
                    st = t.storage()
                    key = (st.data_ptr(), st.size()) if st.size() > 0 else ('empty', id(st._storage) if hasattr(st, '_storage') else id(st))
                    return self.ids.setdefault(key, len(self.ids))
                def node(self, v):
                    if v is None: return None
                    if isinstance(v, bool): return {'bool': v}
                    if isinstance(v, int): return {'int': str(v)}
                    if isinstance(v, float): return {'float': _bits(v)}
                    if isinstance(v, str): return {'str': v}
                    if isinstance(v, tuple): return {'tuple': [self.node(x) for x in v]}
                    if isinstance(v, list): return {'list': [self.node(x) for x in v]}
                    if isinstance(v, (set, frozenset)): return {'set': [self.node(x) for x in v]}
                    if isinstance(v, collections.OrderedDict):
                        m = getattr(v, '_metadata', None)
                        return {'odict': [[self.node(k), self.node(x)] for k, x in v.items()], 'meta': None if m is None else self.node(m)}
                    if isinstance(v, dict): return {'dict': [[self.node(k), self.node(x)] for k, x in v.items()]}
                    if isinstance(v, torch.Tensor):
                        return {'tensor': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape), 'stride': list(v.stride()),
                                'offset': v.storage_offset(), 'storage': self.sid(v), 'storage_numel': v.storage().size(),
                                'param': isinstance(v, torch.nn.Parameter), 'requires_grad': v.requires_grad,
                                'values': [_bits(x) for x in v.detach().double().flatten().tolist()]}
                    raise TypeError(type(v))
            def describe(v):
                return _D().node(v)
            """;
}
