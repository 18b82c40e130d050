package fitlab.pth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads {@code .pth} files written by {@code torch.save} (zip format, any pickle protocol 2 to 5) or by
 * PyTorch before 1.6 (legacy format). Never runs or instantiates anything outside its allowlist; see
 * {@link ReadOptions}. Every problem is a {@link PthFormatException} naming the file, entry and offset.
 *
 * <p>Returned values follow the package's value model: dict as {@code LinkedHashMap}, OrderedDict as
 * {@link OrderedDict}, tuple as {@link PyTuple}, list as {@code ArrayList}, int as {@code Long} (or
 * {@code BigInteger}), float as {@code Double}, tensors as {@link Tensor} (parameters flagged
 * {@link Tensor#isParameter()}), allowed module objects as {@link PyObject}.
 */
public final class PthReader {
    /**
     * Files up to this size are read with one call and their records sliced from memory (the zip directory is still
     * ZipFile's); larger ones are read record by record through ZipFile.
     */
    static final long WHOLE_FILE_LIMIT = 64L << 20;

    private PthReader() {}

    /** The value of a weights-only file. */
    public static Object read(Path file) {
        return readFile(file, ReadOptions.weightsOnly()).value();
    }

    /** The value, also admitting the classes {@code allowedClasses} accepts (by {@code module.name}). */
    public static Object read(Path file, Predicate<String> allowedClasses) {
        return readFile(file, ReadOptions.allowing(allowedClasses)).value();
    }

    public static PthFile readFile(Path file, ReadOptions options) {
        return readFile(file, file.toString(), options);
    }

    /** As {@link #readFile(Path, ReadOptions)}, with {@code source} standing for the file in messages. */
    static PthFile readFile(Path file, String source, ReadOptions options) {
        long size;
        byte[] content = null;
        byte[] head;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            size = in.size();
            if (size <= WHOLE_FILE_LIMIT) {
                content = readFully(in, (int) size);
                head = Arrays.copyOf(content, Math.min(4, content.length));
            } else {
                head = readFully(in, 4);
            }
        } catch (NoSuchFileException e) {
            throw new PthFormatException(source + ": no such file");
        } catch (IOException e) {
            throw new PthFormatException(source + ": cannot read: " + e.getMessage(), e);
        }
        SafeGlobals globals = new SafeGlobals(options.allowedClasses());
        PthFile result;
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            result = readZip(file, source, size, content, options, globals);
        } else if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            result = readLegacy(file, source, size, content, globals);
        } else {
            throw new PthFormatException(source + ": not a .pth file (expected a zip archive starting with PK, or a legacy pickle starting with 0x80)");
        }
        NestingCheck.check(result.value(), source);
        return result;
    }

    /** Up to {@code n} bytes from the channel's position (fewer if the file is shorter, as it may have shrunk). */
    private static byte[] readFully(FileChannel in, int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
            // a file read can return fewer bytes than asked
        }
        return buffer.position() == n ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static PthFile readLegacy(Path file, String source, long size, byte[] content, SafeGlobals globals) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new PthFormatException(source + ": legacy files over 2 GiB are not supported");
        }
        try {
            return LegacyReader.read(content != null ? content : Files.readAllBytes(file), source, globals, new TreeSet<>());
        } catch (IOException e) {
            throw new PthFormatException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static PthFile readZip(Path file, String source, long size, byte[] content, ReadOptions options, SafeGlobals globals) {
        try (ZipArchive zip = new ZipArchive(file, source, size, options.maxInflatedBytes(), content)) {
            if (zip.has("constants.pkl")) {
                throw new PthFormatException(zip.where("constants.pkl") + ": a TorchScript archive (torch.jit.save), not a torch.save file");
            }
            if (!zip.has("data.pkl")) {
                throw new PthFormatException(source + ": missing record " + zip.root() + "data.pkl");
            }
            if (!zip.has("version") && !zip.has(".data/version")) {
                throw new PthFormatException(source + ": missing record " + zip.root() + "version");
            }
            checkVersion(zip, zip.has("version") ? "version" : ".data/version");
            String byteorder = "little";
            if (zip.has("byteorder")) {
                byteorder = new String(zip.read("byteorder"), java.nio.charset.StandardCharsets.US_ASCII).strip();
                if (!byteorder.equals("little") && !byteorder.equals("big")) {
                    throw new PthFormatException(zip.where("byteorder") + ": expected 'little' or 'big'");
                }
            }
            boolean swap = byteorder.equals("big");
            Map<String, Storage> byKey = new HashMap<>();
            TreeSet<String> referenced = new TreeSet<>();
            PickleInput in = new PickleInput(zip.read("data.pkl"), zip.where("data.pkl"));
            Object value = new Unpickler(in, globals, pid -> storage(zip, pid, byKey, swap), referenced).load();
            return new PthFile(value, "zip", byteorder, referenced);
        }
    }

    private static void checkVersion(ZipArchive zip, String name) {
        String text = new String(zip.read(name), java.nio.charset.StandardCharsets.US_ASCII).strip();
        long version;
        try {
            version = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new PthFormatException(zip.where(name) + ": expected a decimal version number");
        }
        if (version < 1 || version > 10) {
            throw new PthFormatException(zip.where(name) + ": format version " + version + " is outside 1..10 (torch.save writes 3)");
        }
    }

    private static Storage storage(ZipArchive zip, PyTuple pid, Map<String, Storage> byKey, boolean swap) {
        List<Object> p = pid.items();
        if (p.size() != 5 || !"storage".equals(p.get(0))) {
            throw new Reductions.BadArguments("persistent id must be ('storage', type, key, location, numel)");
        }
        if (!(p.get(1) instanceof PyGlobal.StorageClass type) || !(p.get(2) instanceof String key) || !(p.get(4) instanceof Long numel)
                || numel < 0 || !(p.get(3) instanceof String)) {
            throw new Reductions.BadArguments("malformed persistent id (expected a storage class, str key, str location, int numel)");
        }
        DType dtype = type.dtype() == null ? DType.UINT8 : type.dtype();
        Storage known = byKey.get(key);
        if (known != null) {
            if (known.dtype() != dtype || known.numel() != numel) {
                throw new Reductions.BadArguments("storage " + key + " is used as two different types or sizes");
            }
            return known;
        }
        if (!key.chars().allMatch(Character::isLetterOrDigit)) {
            throw new Reductions.BadArguments("storage key '" + key + "' is not alphanumeric");
        }
        String name = "data/" + key;
        if (!zip.has(name)) {
            throw new PthFormatException(zip.where(name) + ": missing storage record");
        }
        byte[] raw = zip.read(name);
        if (numel > raw.length / dtype.elementSize()) {
            throw new PthFormatException(zip.where(name) + ": holds " + raw.length + " bytes, expected " + numel + " × "
                    + dtype.elementSize() + " (" + dtype.torchName() + ")");
        }
        int length = (int) (numel * dtype.elementSize());
        Storage s = new Storage(dtype, raw.length == length ? raw : java.util.Arrays.copyOf(raw, length));
        if (swap) {
            s = s.byteSwapped();
        }
        byKey.put(key, s);
        return s;
    }
}
