package fitlab.pth;

import fitlab.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a value (see the package's value model: maps, {@link OrderedDict}, {@link PyTuple}, lists, numbers,
 * strings, {@link Tensor}s, {@link PyObject}s) as a {@code .pth} file that {@code torch.load} reads.
 *
 * <p>Records, in order: {@code data.pkl}, {@code byteorder} ({@code little}, as PyTorch 2.1+ writes it),
 * {@code data/<key>} sorted as strings, {@code version} ({@code 3\n}). Never {@code constants.pkl} or
 * {@code .format_version}. With {@link Layout#TORCH_1_13} the {@code byteorder} record is left out, and the
 * file is then byte-identical to PyTorch 1.13's {@code torch.save} of the same content.
 */
public final class PthWriter {
    /** Which PyTorch release's record list to follow. */
    public enum Layout {
        /** With the {@code byteorder} record (PyTorch 2.1 to 2.6 order); the default. */
        TORCH_2_1,
        /** Without {@code byteorder}, exactly as PyTorch 1.13 writes. */
        TORCH_1_13
    }

    private PthWriter() {}

    /**
     * Writes atomically ({@link AtomicFiles}): on failure nothing appears under {@code file}'s name. The archive folder is the file stem, as {@code torch.save(obj, path)} names it.
     */
    public static void write(Path file, Object value) {
        write(file, value, Layout.TORCH_2_1);
    }

    public static void write(Path file, Object value, Layout layout) {
        AtomicFiles.write(file, toBytes(value, archiveNameFor(file), layout));
    }

    public static byte[] toBytes(Object value, String archiveName) {
        return toBytes(value, archiveName, Layout.TORCH_2_1);
    }

    public static byte[] toBytes(Object value, String archiveName, Layout layout) {
        if (archiveName.isEmpty() || archiveName.contains("/")) {
            throw new IllegalArgumentException("archive name must be non-empty without '/': '" + archiveName + "'");
        }
        Pickler.Pickled pickled = Pickler.pickle(value);
        String root = archiveName + "/";
        List<String> names = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        names.add(root + "data.pkl");
        records.add(pickled.pickle());
        if (layout == Layout.TORCH_2_1) {
            names.add(root + "byteorder");
            records.add("little".getBytes(StandardCharsets.US_ASCII));
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < pickled.storages().size(); i++) {
            keys.add(Integer.toString(i));
        }
        keys.sort(null); // torch sorts the keys as strings: 0, 1, 10, 11, ..., 2
        for (String key : keys) {
            names.add(root + "data/" + key);
            records.add(pickled.storages().get(Integer.parseInt(key)).bytes());
        }
        names.add(root + "version");
        records.add("3\n".getBytes(StandardCharsets.US_ASCII));
        long size = ZipWriter.exactSize(names, records.stream().map(r -> r.length).toList());
        ZipWriter zip = new ZipWriter((int) Math.min(Integer.MAX_VALUE - 8, size));
        for (int i = 0; i < names.size(); i++) {
            zip.add(names.get(i), records.get(i));
        }
        return zip.finish();
    }

    /**
     * The folder name torch gives the archive for a path: the file name without its last extension
     * ({@code model.best.pth} gives {@code model.best}); {@code archive} when that is empty or not plain ASCII.
     */
    public static String archiveNameFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot >= 0 ? name.substring(0, dot) : name;
        boolean ascii = !stem.isEmpty() && stem.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
        return ascii ? stem : "archive";
    }
}
