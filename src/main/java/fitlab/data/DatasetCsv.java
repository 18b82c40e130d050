package fitlab.data;

import fitlab.UserError;
import fitlab.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Dataset} as a CSV file: columns {@code x,y} for one feature, {@code x1,x2,...,y} for several, one row
 * per example. Written with Tablesaw's bytes ({@link CsvTable}, without initialising Tablesaw), doubles with {@link
 * Double#toString(double)} (never a locale format), so they read back to the same bits and the same data always gives
 * the same bytes; lines end in LF. Read by
 * {@link CsvScan}, which checks every cell (with the line and column of the first that is wrong) and parses it as
 * Tablesaw does, with {@link Double#parseDouble}: reading Tablesaw's {@code Table} class scans the whole class path
 * for its readers (a third of a CPU-second), which {@code fitlab report} and {@code verify} need not pay.
 * {@code CsvScanTest} checks that Tablesaw reads the same bits.
 */
public final class DatasetCsv {

    private DatasetCsv() {}

    /** The header for {@code features} inputs, e.g. {@code [x1, x2, y]}. */
    public static List<String> columnNames(int features) {
        return CsvScan.columnNames(features);
    }

    /** The CSV text of a dataset, as UTF-8 bytes. */
    public static byte[] toBytes(Dataset dataset) {
        List<String> names = columnNames(dataset.features());
        List<CsvTable.Column> columns = new ArrayList<>();
        for (int j = 0; j < dataset.features(); j++) {
            double[] column = new double[dataset.rows()];
            for (int i = 0; i < dataset.rows(); i++) {
                column[i] = dataset.x(i, j);
            }
            columns.add(finiteColumn(dataset, names.get(j), column));
        }
        columns.add(finiteColumn(dataset, "y", dataset.y()));
        return new CsvTable(dataset.name(), columns).csv();
    }

    /** Writes the dataset atomically (temporary file, then rename), creating the folder if needed. */
    public static void write(Dataset dataset, Path file) {
        fitlab.io.AtomicFiles.write(file, toBytes(dataset));
    }

    /**
     * Reads a dataset file with at least one data row.
     *
     * @throws UserError naming the file, line and column, and what was expected
     */
    public static Dataset read(Path file, String name) {
        return read(file, name, false, 0);
    }

    /** As {@link #read(Path, String)}, but a header without rows gives an empty dataset (e.g. an empty split). */
    public static Dataset readAllowingEmpty(Path file, String name) {
        return read(file, name, true, 0);
    }

    /**
     * As {@link #read(Path, String)} (or {@link #readAllowingEmpty} with {@code allowNoRows}), checking with
     * {@code classes} of 2 or more that every y is a class index 0..classes-1, with the line of the first that is not.
     */
    public static Dataset read(Path file, String name, boolean allowNoRows, int classes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file; expected a CSV file with columns x,y or x1,x2,...,y", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e, e);
        }
        CsvScan scan = CsvScan.of(file.toString(), bytes, allowNoRows, classes);
        int rows = scan.rows();
        int features = scan.features();
        double[] x = new double[rows * features];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(scan.values(), i * (features + 1), x, i * features, features);
            y[i] = scan.values()[i * (features + 1) + features];
        }
        return new Dataset(name, rows, features, x, y);
    }

    private static CsvTable.Doubles finiteColumn(Dataset dataset, String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                // the CSV would hold NaN as an empty cell (Tablesaw's missing value), which no reader could tell from a missing value.
                throw new IllegalArgumentException("dataset " + dataset.name() + ": " + name + " of row " + i
                        + " is " + values[i] + "; only finite values can be written");
            }
        }
        return new CsvTable.Doubles(name, values);
    }
}
