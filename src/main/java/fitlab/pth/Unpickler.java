package fitlab.pth;

import static fitlab.pth.Opcodes.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * A restricted stack-machine unpickler for protocols 2 to 5. {@code GLOBAL} only looks names up in
 * {@link SafeGlobals}; {@code REDUCE} and {@code NEWOBJ} only apply allowlisted functions or turn allowed
 * classes into inert {@link PyObject}s. It never recurses, so hostile nesting cannot overflow the Java stack,
 * and every length is checked against the bytes left before anything is allocated.
 */
final class Unpickler {
    private static final int MAX_MARKS = 10_000;
    private static final int MAX_KEY_DEPTH = 100;

    private final PickleInput in;
    private final SafeGlobals globals;
    private final StorageLoader storages;
    private final Reductions reductions = new Reductions();
    private final SortedSet<String> referencedGlobals;
    private final Memo memo = new Memo();
    private List<Object> stack = new ArrayList<>();
    private final List<List<Object>> marks = new ArrayList<>();
    private int opOffset;

    Unpickler(PickleInput in, SafeGlobals globals, StorageLoader storages, SortedSet<String> referencedGlobals) {
        this.in = in;
        this.globals = globals;
        this.storages = storages;
        this.referencedGlobals = referencedGlobals;
    }

    /** Runs one pickle, up to and including its {@code STOP}, and returns its value. */
    Object load() {
        stack = new ArrayList<>();
        marks.clear();
        memo.clear();
        while (true) {
            opOffset = in.position();
            int op = in.u8();
            try {
                if (op == STOP) {
                    Object result = pop();
                    if (!stack.isEmpty() || !marks.isEmpty()) {
                        throw fail("STOP with " + stack.size() + " extra stack items or an open MARK");
                    }
                    return result;
                }
                step(op);
            } catch (Reductions.BadArguments | IllegalArgumentException | ClassCastException e) {
                throw fail(e.getMessage());
            }
        }
    }

    private PthFormatException fail(String what) {
        return in.error(opOffset, what);
    }

    private void step(int op) {
        switch (op) {
            case PROTO -> {
                int v = in.u8();
                if (v > 5) {
                    throw fail("unsupported pickle protocol " + v + " (2 to 5 are read)");
                }
            }
            case FRAME -> in.skip(in.i64());
            case MARK -> {
                if (marks.size() >= MAX_MARKS) {
                    throw fail("more than " + MAX_MARKS + " nested MARKs");
                }
                marks.add(stack);
                stack = new ArrayList<>();
            }
            case POP -> {
                if (stack.isEmpty()) {
                    popMark();
                } else {
                    pop();
                }
            }
            case POP_MARK -> popMark();
            case DUP -> push(peek());
            case BININT -> push((long) in.i32());
            case BININT1 -> push((long) in.u8());
            case BININT2 -> push((long) in.u16());
            case LONG1 -> push(decodeLong(in.bytes(in.u8())));
            case LONG4 -> push(decodeLong(in.bytes(in.i32())));
            case BINFLOAT -> push(in.f64BigEndian());
            case BINUNICODE -> push(in.utf8(in.u32()));
            case SHORT_BINUNICODE -> push(in.utf8(in.u8()));
            case BINUNICODE8 -> push(in.utf8(in.i64()));
            case SHORT_BINSTRING -> push(in.latin1(in.u8()));
            case BINSTRING -> push(in.latin1(in.i32()));
            case SHORT_BINBYTES -> push(in.bytes(in.u8()));
            case BINBYTES -> push(in.bytes(in.u32()));
            case BINBYTES8, BYTEARRAY8 -> push(in.bytes(in.i64()));
            case NONE -> push(null);
            case NEWTRUE -> push(Boolean.TRUE);
            case NEWFALSE -> push(Boolean.FALSE);
            case EMPTY_TUPLE -> push(PyTuple.of());
            case TUPLE -> push(new PyTuple(popMark()));
            case TUPLE1 -> push(PyTuple.of(pop()));
            case TUPLE2 -> {
                Object b = pop();
                push(PyTuple.of(pop(), b));
            }
            case TUPLE3 -> {
                Object c = pop();
                Object b = pop();
                push(PyTuple.of(pop(), b, c));
            }
            case EMPTY_LIST -> push(new ArrayList<>());
            case APPEND -> {
                Object item = pop();
                list(peek()).add(item);
            }
            case APPENDS -> {
                List<Object> items = popMark();
                list(peek()).addAll(items);
            }
            case EMPTY_DICT -> push(new LinkedHashMap<>());
            case SETITEM -> {
                Object value = pop();
                Object key = pop();
                map(peek()).put(hashable(key), value);
            }
            case SETITEMS -> {
                List<Object> items = popMark();
                if (items.size() % 2 != 0) {
                    throw fail("SETITEMS with an odd number of items");
                }
                Map<Object, Object> target = map(peek());
                for (int i = 0; i < items.size(); i += 2) {
                    target.put(hashable(items.get(i)), items.get(i + 1));
                }
            }
            case EMPTY_SET -> push(new LinkedHashSet<>());
            case ADDITEMS -> {
                List<Object> items = popMark();
                Set<Object> target = set(peek());
                for (Object item : items) {
                    target.add(hashable(item));
                }
            }
            case FROZENSET -> {
                Set<Object> set = new LinkedHashSet<>();
                for (Object item : popMark()) {
                    set.add(hashable(item));
                }
                push(Collections.unmodifiableSet(set));
            }
            case BINGET -> push(memoGet(in.u8()));
            case LONG_BINGET -> push(memoGet(in.u32()));
            case BINPUT -> memo.put((long) in.u8(), peek());
            case LONG_BINPUT -> memo.put(in.u32(), peek());
            case MEMOIZE -> memo.put((long) memo.size(), peek());
            case GLOBAL -> {
                String module = in.line();
                String name = in.line();
                push(resolve(module, name));
            }
            case STACK_GLOBAL -> {
                Object name = pop();
                Object module = pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw fail("STACK_GLOBAL expects two strings");
                }
                push(resolve(m, n));
            }
            case REDUCE -> {
                PyTuple args = tuple(pop());
                Object callable = pop();
                if (callable instanceof PyGlobal.Known f && f.function() != PyGlobal.Function.PARAMETER) {
                    push(reductions.reduce(f, args));
                } else {
                    throw fail("REDUCE on " + describe(callable) + " is not allowed");
                }
            }
            case NEWOBJ -> {
                PyTuple args = tuple(pop());
                Object cls = pop();
                if (cls instanceof PyGlobal.AllowedClass c) {
                    if (args.size() != 0) {
                        throw fail("NEWOBJ of " + c.path() + " with arguments is not supported");
                    }
                    push(new PyObject(c.module(), c.name(), new LinkedHashMap<>()));
                } else if (cls instanceof PyGlobal.Known f && f.function() == PyGlobal.Function.PARAMETER) {
                    push(reductions.reduce(f, args));
                } else {
                    throw fail("NEWOBJ on " + describe(cls) + " is not allowed");
                }
            }
            case BUILD -> build(pop(), peek());
            case BINPERSID -> push(storages.load(tuple(pop())));
            default -> throw fail("unsupported pickle opcode " + Opcodes.name(op) + " (0x" + Integer.toHexString(op) + ")");
        }
    }

    private PyGlobal resolve(String module, String name) {
        referencedGlobals.add(module + "." + name);
        SafeGlobals.unsupportedDtype(module, name).ifPresent(dtype -> {
            throw fail("unsupported dtype " + dtype + " (" + module + "." + name + "); fitlab reads " + DType.supportedNames());
        });
        return globals.resolve(module, name).orElseThrow(() -> fail("global '" + module + "." + name
                + "' is not allowed (only PyTorch's weights_only allowlist, plus classes the caller allows)"));
    }

    private void build(Object state, Object target) {
        if (target instanceof OrderedDict od) {
            Map<Object, Object> attrs = map(state);
            for (var e : attrs.entrySet()) {
                if (!"_metadata".equals(e.getKey()) || !(e.getValue() instanceof Map<?, ?>)) {
                    throw fail("OrderedDict attribute " + e.getKey() + " is not supported (only _metadata, a dict)");
                }
                @SuppressWarnings("unchecked")
                Map<Object, Object> meta = (Map<Object, Object>) e.getValue();
                od.setMetadata(meta);
            }
        } else if (target instanceof PyObject o) {
            Object dict = state;
            if (state instanceof PyTuple t && t.size() == 2 && t.get(1) == null) {
                dict = t.get(0); // (state, slotstate) with no slots
            }
            for (var e : map(dict).entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw fail("attribute name of " + o.className() + " is not a string");
                }
                o.state().put(key, e.getValue());
            }
        } else {
            throw fail("BUILD on " + typeName(target) + " is not allowed (only OrderedDict and allowed classes)");
        }
    }

    private Object memoGet(long index) {
        if (!memo.has(index)) {
            throw fail("memo index " + index + " out of range (" + memo.size() + " entries)");
        }
        return memo.get(index);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw fail("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw fail("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw fail("no MARK to pop to");
        }
        List<Object> items = stack;
        stack = marks.remove(marks.size() - 1);
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (o instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw fail("APPEND onto " + typeName(o) + " (only lists)");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map(Object o) {
        if (o instanceof LinkedHashMap<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw fail("expected a dict, got " + typeName(o));
    }

    @SuppressWarnings("unchecked")
    private Set<Object> set(Object o) {
        if (o instanceof LinkedHashSet<?> s) {
            return (Set<Object>) s;
        }
        throw fail("ADDITEMS onto " + typeName(o) + " (only sets)");
    }

    private PyTuple tuple(Object o) {
        if (o instanceof PyTuple t) {
            return t;
        }
        throw fail("expected a tuple, got " + typeName(o));
    }

    private static Object decodeLong(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    /** Dict keys and set members must be hashable as in Python: no lists, dicts or sets, and bounded tuples. */
    static Object hashable(Object key) {
        checkHashable(key, 0);
        return key;
    }

    private static void checkHashable(Object key, int depth) {
        if (depth > MAX_KEY_DEPTH) {
            throw new Reductions.BadArguments("dict key nested deeper than " + MAX_KEY_DEPTH);
        }
        if (key instanceof PyTuple t) {
            for (Object item : t.items()) {
                checkHashable(item, depth + 1);
            }
        } else if (key instanceof List || key instanceof Map || key instanceof Set || key instanceof byte[]
                || key instanceof PyObject) {
            throw new Reductions.BadArguments("unhashable dict key or set member of type " + typeName(key));
        }
    }

    static String typeName(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof PyGlobal g) {
            return g.path();
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return "int";
        }
        if (o instanceof Double) {
            return "float";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (o instanceof PyTuple) {
            return "tuple";
        }
        if (o instanceof OrderedDict) {
            return "OrderedDict";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof List) {
            return "list";
        }
        if (o instanceof Set) {
            return "set";
        }
        if (o instanceof byte[]) {
            return "bytes";
        }
        if (o instanceof PyObject p) {
            return p.className();
        }
        return o instanceof Tensor ? "tensor" : o instanceof Storage ? "storage" : o.getClass().getSimpleName();
    }

    private static String describe(Object o) {
        return o instanceof PyGlobal g ? "'" + g.path() + "'" : "a " + typeName(o);
    }
}
