package fitlab.pth;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * PyTorch's pre-1.6 format ({@code _use_new_zipfile_serialization=False}): five pickles back to back (magic
 * number, protocol version 1001, sys_info, the object, the sorted storage keys), then for each key an
 * int64 element count and the raw little-endian bytes. Storages are created while the object is unpickled
 * (sized from their declared count, which must fit in the bytes left) and filled from the tail afterwards.
 */
final class LegacyReader {
    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private LegacyReader() {}

    static PthFile read(byte[] file, String source, SafeGlobals globals, SortedSet<String> referenced) {
        PickleInput in = new PickleInput(file, source + ": legacy pickle");
        Map<String, Storage> byKey = new HashMap<>();
        Unpickler header = new Unpickler(in, globals, pid -> {
            throw new Reductions.BadArguments("persistent id in a legacy header pickle");
        }, referenced);
        Object magic = header.load();
        if (!(magic instanceof BigInteger b && b.equals(MAGIC))) {
            throw new PthFormatException(source + ": not a PyTorch file (legacy magic number missing)");
        }
        Object protocol = header.load();
        if (!Long.valueOf(1001).equals(protocol)) {
            throw new PthFormatException(source + ": legacy protocol version " + protocol + ", expected 1001");
        }
        Object sysInfo = header.load();
        if (!(sysInfo instanceof Map<?, ?> info) || !(info.get("little_endian") instanceof Boolean)) {
            throw new PthFormatException(source + ": legacy sys_info is not a dict with little_endian");
        }
        Unpickler body = new Unpickler(in, globals, pid -> storage(pid, byKey, in.remaining()), referenced);
        Object value = body.load();
        Object keys = header.load();
        if (!(keys instanceof List<?> keyList)) {
            throw new PthFormatException(source + ": legacy storage key list missing");
        }
        int at = in.position();
        for (Object key : keyList) {
            Storage s = key instanceof String k ? byKey.get(k) : null;
            if (s == null) {
                throw new PthFormatException(source + " byte " + at + ": stored key " + (key instanceof String ? key : "of type " + Unpickler.typeName(key)) + " is not used by the pickle");
            }
            long numel = in.i64();
            if (numel != s.numel()) {
                throw new PthFormatException(source + " byte " + at + ": storage " + key + " holds " + numel
                        + " elements, the pickle says " + s.numel());
            }
            byte[] raw = in.bytes(s.bytes().length);
            System.arraycopy(raw, 0, s.bytes(), 0, raw.length);
            at = in.position();
        }
        if (keyList.size() != byKey.size()) {
            throw new PthFormatException(source + ": " + byKey.size() + " storages used but " + keyList.size() + " stored");
        }
        // The raw data is written little-endian whatever the writer's byte order (THPStorage_writeFileRaw).
        return new PthFile(value, "legacy", "little", referenced);
    }

    private static Storage storage(PyTuple pid, Map<String, Storage> byKey, int bytesLeft) {
        List<Object> p = pid.items();
        if (p.size() != 6 || !"storage".equals(p.get(0))) {
            throw new Reductions.BadArguments("legacy persistent id must be ('storage', type, key, location, numel, view)");
        }
        if (!(p.get(1) instanceof PyGlobal.StorageClass type) || type.dtype() == null || !(p.get(2) instanceof String key)
                || !(p.get(4) instanceof Long numel) || numel < 0) {
            throw new Reductions.BadArguments("malformed legacy persistent id (expected a storage class, a str key and an int count)");
        }
        if (p.get(5) != null) {
            throw new Reductions.BadArguments("legacy storage views (view_metadata) are not supported");
        }
        Storage known = byKey.get(key);
        if (known != null) {
            if (known.dtype() != type.dtype() || known.numel() != numel) {
                throw new Reductions.BadArguments("storage " + key + " used with two types or sizes");
            }
            return known;
        }
        if (numel > bytesLeft / type.dtype().elementSize()) {
            throw new Reductions.BadArguments("storage " + key + " declares " + numel + " elements, more than the file holds");
        }
        Storage s = new Storage(type.dtype(), new byte[(int) (numel * type.dtype().elementSize())]);
        byKey.put(key, s);
        return s;
    }
}
