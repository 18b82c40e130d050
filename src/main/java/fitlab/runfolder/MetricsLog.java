package fitlab.runfolder;

import fitlab.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}, written one complete line per epoch with a single append, so a process killed at any
 * moment leaves at most one torn last line. Readers ignore a torn line (no final newline or a wrong field
 * count) instead of parsing it; {@link #truncateAfter} rewrites the file from its complete lines only before an interrupted run, being finished, appends again.
 * Doubles are written with {@link Double#toString}, which reads back to the same bits.
 */
public final class MetricsLog {
    public static final String FILE = "metrics.csv";
    private static final String LOSS_HEADER = "epoch,train_loss,validation_loss,test_loss";
    private static final String ACCURACY_HEADER = ",train_accuracy,validation_accuracy,test_accuracy";

    private MetricsLog() {}

    public static String header(boolean accuracy) {
        return LOSS_HEADER + (accuracy ? ACCURACY_HEADER : "") + ",lr,seconds";
    }

    /** Creates the file with its header (replacing nothing: the file must not exist yet). */
    public static void create(Path file, boolean accuracy) {
        write(file, header(accuracy) + "\n", StandardOpenOption.CREATE_NEW);
    }

    /** Opens {@code file} (which exists, with its header) for one line per epoch. */
    public static Appender appender(Path file) {
        try {
            return new Appender(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /**
     * An open {@code metrics.csv} for the epochs of one cell: each line goes out in one write of the complete line,
     * so a killed process leaves at most one torn last line. The file stays open for the cell: opening and closing
     * it at every epoch cost two system calls and a path lookup in an epoch of ~100 µs.
     */
    public static final class Appender implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private Appender(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        public void append(MetricsRow row) {
            try {
                writeAll(channel, line(row));
            } catch (IOException e) {
                throw cannotWrite(file, e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw cannotWrite(file, e);
            }
        }
    }

    private static String line(MetricsRow row) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(row.epoch()).append(',').append(row.trainLoss()).append(',').append(row.validationLoss())
                .append(',').append(row.testLoss());
        if (row.hasAccuracy()) {
            sb.append(',').append(row.trainAccuracy()).append(',').append(row.validationAccuracy())
                    .append(',').append(row.testAccuracy());
        }
        return sb.append(',').append(row.lr()).append(',').append(row.seconds()).append('\n').toString();
    }

    /**
     * The 1-based line number of a torn last line (bytes after the last newline, left by a crash or a full disk in
     * the middle of an append), or 0 when the file ends cleanly. Reading ignores such a line; what shows a run as
     * finished (the report) must refuse it instead.
     */
    public static int tornLine(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        if (all.length == 0 || all[all.length - 1] == '\n') {
            return 0;
        }
        int line = 1;
        for (byte b : all) {
            if (b == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * All complete rows, in order; a torn last line is ignored. Lines and fields are cut by hand and the doubles read
     * with Jackson's port of FastDoubleParser, which gives {@link Double#parseDouble}'s bits (MetricsLogTest checks
     * 100 000 awkward values) in a fraction of its time: the report reads lesson 01's 45 000 lines twice (its charts and the reload
     * check) under the client compiler, where the JDK's parser was most of that reading.
     */
    public static List<MetricsRow> read(Path file) {
        List<String> lines = completeLines(file);
        if (lines.isEmpty()) {
            throw new UserError(file + ": empty, expected the header " + header(false));
        }
        String head = lines.get(0);
        boolean accuracy;
        if (head.equals(header(false))) {
            accuracy = false;
        } else if (head.equals(header(true))) {
            accuracy = true;
        } else {
            throw new UserError(file + ":1: unexpected header '" + head + "', expected " + header(false));
        }
        int fields = header(accuracy).split(",").length;
        String[] f = new String[fields];
        List<MetricsRow> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            int count = split(lines.get(i), f);
            if (count != fields) {
                throw new UserError(file + ":" + (i + 1) + ": expected " + fields + " fields, got " + count);
            }
            try {
                int k = 4;
                double ta = Double.NaN, va = Double.NaN, sa = Double.NaN;
                if (accuracy) {
                    ta = number(f[k++]);
                    va = number(f[k++]);
                    sa = number(f[k++]);
                }
                rows.add(new MetricsRow(Integer.parseInt(f[0]), number(f[1]), number(f[2]), number(f[3]), ta, va, sa,
                        number(f[k]), number(f[k + 1])));
            } catch (NumberFormatException e) {
                throw new UserError(file + ":" + (i + 1) + ": not a number: " + e.getMessage());
            }
        }
        return rows;
    }

    /** Cuts {@code line} at its commas into {@code into} (as far as it holds); returns the number of fields. */
    private static int split(String line, String[] into) {
        int count = 0;
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            String field = comma < 0 ? line.substring(from) : line.substring(from, comma);
            if (count < into.length) {
                into[count] = field;
            }
            count++;
            if (comma < 0) {
                return count;
            }
            from = comma + 1;
        }
    }

    /** {@link Double#parseDouble}'s value; what it refuses is refused with its message. */
    private static double number(String field) {
        try {
            return com.fasterxml.jackson.core.io.NumberInput.parseDouble(field, true);
        } catch (NumberFormatException e) {
            return Double.parseDouble(field); // throws, with the JDK's message naming the field
        }
    }

    /** Keeps only rows with epoch <= {@code lastEpoch} (a cell finished after an interruption rewrites what came after its checkpoint). */
    public static void truncateAfter(Path file, int lastEpoch) {
        List<MetricsRow> rows = read(file);
        boolean accuracy = !rows.isEmpty() && rows.get(0).hasAccuracy();
        StringBuilder sb = new StringBuilder(header(accuracy)).append('\n');
        try {
            List<String> lines = completeLines(file);
            for (int i = 1; i < lines.size(); i++) {
                if (rows.get(i - 1).epoch() <= lastEpoch) {
                    sb.append(lines.get(i)).append('\n');
                }
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            fitlab.io.SharedFiles.replace(tmp, file);
        } catch (IOException e) {
            throw new UserError("cannot rewrite " + file + ": " + e.getMessage());
        }
    }

    private static List<String> completeLines(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int lastNewline = text.lastIndexOf('\n');
        String complete = lastNewline < 0 ? "" : text.substring(0, lastNewline);
        return complete.isEmpty() ? List.of() : List.of(complete.split("\n", -1));
    }

    private static void write(Path file, String text, StandardOpenOption mode) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, mode)) {
            writeAll(ch, text);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static void writeAll(FileChannel ch, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static UserError cannotWrite(Path file, IOException e) {
        return new UserError("cannot write " + file + ": " + e.getMessage());
    }
}
