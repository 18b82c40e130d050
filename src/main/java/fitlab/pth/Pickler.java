package fitlab.pth;

import static fitlab.pth.Opcodes.*;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the value model as a protocol-2 pickle exactly as CPython's {@code pickle} does for the same
 * Python objects under {@code torch.save}: same opcodes, same batching, same memo numbering. Everything,
 * strings included, is memoized by identity as CPython does; Java's interned literals play the part of
 * Python's interned constants ({@code 'storage'}, {@code 'cpu'}, {@code 'version'}), and a storage's key
 * is one String object, so a shared storage's key is written once and then fetched from the memo. Tensors reference storages through the
 * {@code ('storage', torch.XStorage, key, 'cpu', numel)} persistent id; keys count up in order of first use.
 * Only opcodes and globals of the {@code weights_only=True} allowlists are used, except {@code NEWOBJ}
 * of a module class for {@link PyObject}s.
 */
final class Pickler {
    /** The pickle bytes and the storages it references, index = key. */
    record Pickled(byte[] pickle, List<Storage> storages) {}

    private static final int MAX_DEPTH = 1000;
    private static final int BATCH = 1000;

    private final ByteSink out = new ByteSink(4096);
    private final Map<String, Integer> stringMemo = new IdentityHashMap<>();
    private final Map<String, Integer> globalMemo = new HashMap<>();
    private final Map<Object, Integer> objectMemo = new IdentityHashMap<>();
    private final Map<Storage, String> storageKeys = new IdentityHashMap<>();
    private final List<Storage> storages = new ArrayList<>();
    private int nextMemo;
    private int depth;

    static Pickled pickle(Object value) {
        Pickler p = new Pickler();
        p.out.u8(PROTO);
        p.out.u8(2);
        p.save(value);
        p.out.u8(STOP);
        return new Pickled(p.out.toByteArray(), List.copyOf(p.storages));
    }

    private void save(Object v) {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels (or a container contains itself)");
        }
        try {
            dispatch(v);
        } finally {
            depth--;
        }
    }

    private void dispatch(Object v) {
        if (v == null) {
            out.u8(NONE);
        } else if (v instanceof Boolean b) {
            out.u8(b ? NEWTRUE : NEWFALSE);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            saveInt(((Number) v).longValue());
        } else if (v instanceof BigInteger big) {
            saveBigInt(big);
        } else if (v instanceof Double || v instanceof Float) {
            out.u8(BINFLOAT);
            out.f64BigEndian(((Number) v).doubleValue());
        } else if (v instanceof String s) {
            saveString(s);
        } else if (getMemo(v)) {
            return;
        } else if (v instanceof Tensor t) {
            saveTensor(t);
        } else if (v instanceof PyTuple t) {
            saveTuple(t.items(), t);
        } else if (v instanceof OrderedDict od) {
            saveOrderedDict(od);
        } else if (v instanceof Map<?, ?> m) {
            out.u8(EMPTY_DICT);
            memoize(v);
            saveItems(m);
        } else if (v instanceof List<?> list) {
            out.u8(EMPTY_LIST);
            memoize(v);
            saveAppends(list);
        } else if (v instanceof Set<?> set) {
            saveGlobal("__builtin__", "set");
            saveTuple(List.of(new ArrayList<>(set)), new Object());
            out.u8(REDUCE);
            memoize(v);
        } else if (v instanceof byte[] bytes) {
            saveGlobal("_codecs", "encode");
            saveTuple(List.of(new String(bytes, StandardCharsets.ISO_8859_1), "latin1"), new Object());
            out.u8(REDUCE);
            memoize(v);
        } else if (v instanceof PyObject o) {
            saveGlobal(o.module(), o.name());
            out.u8(EMPTY_TUPLE);
            out.u8(NEWOBJ);
            memoize(v);
            save(new LinkedHashMap<Object, Object>(o.state()));
            out.u8(BUILD);
        } else {
            throw new IllegalArgumentException("cannot pickle a " + v.getClass().getName()
                    + " (supported: null, Boolean, Long, BigInteger, Double, String, PyTuple, List, Set, Map, OrderedDict, Tensor, PyObject, byte[])");
        }
    }

    private boolean getMemo(Object v) {
        Integer index = objectMemo.get(v);
        if (index == null) {
            return false;
        }
        get(index);
        return true;
    }

    private void get(int index) {
        if (index < 256) {
            out.u8(BINGET);
            out.u8(index);
        } else {
            out.u8(LONG_BINGET);
            out.u32(index);
        }
    }

    private int put() {
        int index = nextMemo++;
        if (index < 256) {
            out.u8(BINPUT);
            out.u8(index);
        } else {
            out.u8(LONG_BINPUT);
            out.u32(index);
        }
        return index;
    }

    private void memoize(Object v) {
        objectMemo.put(v, put());
    }

    private void saveInt(long x) {
        if (x >= 0 && x <= 0xff) {
            out.u8(BININT1);
            out.u8((int) x);
        } else if (x >= 0 && x <= 0xffff) {
            out.u8(BININT2);
            out.u16((int) x);
        } else if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) {
            out.u8(BININT);
            out.u32(x);
        } else {
            saveBigInt(BigInteger.valueOf(x));
        }
    }

    private void saveBigInt(BigInteger x) {
        if (x.bitLength() < 32) {
            saveInt(x.longValue());
            return;
        }
        byte[] be = x.toByteArray(); // minimal two's complement, as CPython's encode_long
        if (be.length < 256) {
            out.u8(LONG1);
            out.u8(be.length);
        } else {
            out.u8(LONG4);
            out.u32(be.length);
        }
        for (int i = be.length - 1; i >= 0; i--) {
            out.u8(be[i]);
        }
    }

    private void saveString(String s) {
        Integer index = stringMemo.get(s);
        if (index != null) {
            get(index);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.u8(BINUNICODE);
        out.u32(utf8.length);
        out.bytes(utf8);
        stringMemo.put(s, put());
    }

    private void saveGlobal(String module, String name) {
        String key = module + "\n" + name;
        Integer index = globalMemo.get(key);
        if (index != null) {
            get(index);
            return;
        }
        out.u8(GLOBAL);
        out.bytes((key + "\n").getBytes(StandardCharsets.UTF_8));
        globalMemo.put(key, put());
    }

    /** A tuple: {@code identity} is the object memoized for it (a fresh one when Python would build a new tuple). */
    private void saveTuple(List<?> items, Object identity) {
        int n = items.size();
        if (n == 0) {
            out.u8(EMPTY_TUPLE);
            return;
        }
        if (n <= 3) {
            for (Object item : items) {
                save(item);
            }
            out.u8(n == 1 ? TUPLE1 : n == 2 ? TUPLE2 : TUPLE3);
        } else {
            out.u8(MARK);
            for (Object item : items) {
                save(item);
            }
            out.u8(TUPLE);
        }
        memoize(identity);
    }

    private void saveItems(Map<?, ?> m) {
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        int left = m.size();
        while (left > 0) {
            int n = Math.min(BATCH, left);
            left -= n;
            if (n == 1) {
                var e = it.next();
                save(checkKey(e.getKey()));
                save(e.getValue());
                out.u8(SETITEM);
            } else {
                out.u8(MARK);
                for (int i = 0; i < n; i++) {
                    var e = it.next();
                    save(checkKey(e.getKey()));
                    save(e.getValue());
                }
                out.u8(SETITEMS);
            }
        }
    }

    private static Object checkKey(Object key) {
        if (key instanceof List || key instanceof Map || key instanceof Set) {
            throw new IllegalArgumentException("dict key " + key + " is unhashable in Python");
        }
        return key;
    }

    private void saveAppends(Collection<?> list) {
        Iterator<?> it = list.iterator();
        int left = list.size();
        while (left > 0) {
            int n = Math.min(BATCH, left);
            left -= n;
            if (n == 1) {
                save(it.next());
                out.u8(APPEND);
            } else {
                out.u8(MARK);
                for (int i = 0; i < n; i++) {
                    save(it.next());
                }
                out.u8(APPENDS);
            }
        }
    }

    /** {@code OrderedDict.__reduce__}: {@code (OrderedDict, (), vars(self) or None, None, iter(items))}. */
    private void saveOrderedDict(OrderedDict od) {
        saveGlobal("collections", "OrderedDict");
        out.u8(EMPTY_TUPLE);
        out.u8(REDUCE);
        memoize(od);
        saveItems(od);
        if (od.metadata() != null) {
            Map<Object, Object> state = new LinkedHashMap<>();
            state.put("_metadata", od.metadata());
            save(state);
            out.u8(BUILD);
        }
    }

    private void saveTensor(Tensor t) {
        if (t.isParameter()) {
            // Parameter.__reduce_ex__: (_rebuild_parameter, (self.data, self.requires_grad, OrderedDict()))
            saveGlobal("torch._utils", "_rebuild_parameter");
            saveTensorReduce(t.asPlainTensor().withRequiresGrad(false), new Object());
            out.u8(t.requiresGrad() ? NEWTRUE : NEWFALSE);
            saveEmptyOrderedDict();
            out.u8(TUPLE3);
            put();
            out.u8(REDUCE);
            memoize(t);
        } else {
            saveTensorReduce(t, t);
        }
    }

    private void saveTensorReduce(Tensor t, Object identity) {
        saveGlobal("torch._utils", "_rebuild_tensor_v2");
        out.u8(MARK);
        saveStorageId(t.storage());
        saveInt(t.storageOffset());
        saveTuple(boxed(t.shape()), new Object());
        saveTuple(boxed(t.stride()), new Object());
        out.u8(t.requiresGrad() ? NEWTRUE : NEWFALSE);
        saveEmptyOrderedDict();
        out.u8(TUPLE);
        put();
        out.u8(REDUCE);
        memoize(identity);
    }

    private void saveEmptyOrderedDict() {
        saveGlobal("collections", "OrderedDict");
        out.u8(EMPTY_TUPLE);
        out.u8(REDUCE);
        put();
    }

    /** The persistent id, re-emitted for every use as torch does; the key is shared. */
    private void saveStorageId(Storage s) {
        String key = storageKeys.get(s);
        if (key == null) {
            key = Integer.toString(storages.size());
            storageKeys.put(s, key);
            storages.add(s);
        }
        out.u8(MARK);
        saveString("storage");
        saveGlobal("torch", s.dtype().storageClass());
        saveString(key);
        saveString("cpu");
        saveInt(s.numel());
        out.u8(TUPLE);
        put();
        out.u8(BINPERSID);
    }

    private static List<Object> boxed(long[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }
}
