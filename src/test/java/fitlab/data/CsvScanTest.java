package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.random.Rng;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** {@link CsvScan} reads every cell to the bits Tablesaw reads from the same file. */
class CsvScanTest {

    @Test
    void everyBundledDatasetAndAwkwardNumbersReadToTablesawsBits() throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("datasets"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        assertTrue(files.size() >= 10, files.size() + " bundled files");
        files.add(("x,y\n1e5,+.5\n-0,0.1E-3\n\"2.5\" , 7.\n.25,-1.0e-310\n4.9e-324,1.7976931348623157E308\n"
                + "0.30000000000000004,123456789012345678901234567890\n").getBytes(StandardCharsets.UTF_8));
        Rng rng = Rng.seeded(5);
        StringBuilder random = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 2000; i++) {
            random.append(rng.nextGaussian() * Math.pow(10, i % 40 - 20)).append(',').append((float) rng.nextGaussian())
                    .append(',').append(String.format(Locale.ROOT, "%.17g", rng.nextGaussian())).append('\n');
        }
        files.add(random.toString().getBytes(StandardCharsets.UTF_8));
        int cells = 0;
        for (byte[] file : files) {
            CsvScan scan = CsvScan.of("test.csv", file, false);
            ColumnType[] types = new ColumnType[scan.features() + 1];
            Arrays.fill(types, ColumnType.DOUBLE);
            Table table = Table.read().csv(CsvReadOptions.builder(new StringReader(scan.canonical()))
                    .header(true).separator(',').columnTypes(types).locale(Locale.ROOT).build());
            assertEquals(scan.rows(), table.rowCount());
            for (int i = 0; i < scan.rows(); i++) {
                for (int j = 0; j <= scan.features(); j++) {
                    double tablesaw = table.doubleColumn(j).getDouble(i);
                    double ours = scan.values()[i * (scan.features() + 1) + j];
                    assertEquals(Double.doubleToRawLongBits(tablesaw), Double.doubleToRawLongBits(ours), "row " + i + " column " + j);
                    cells++;
                }
            }
        }
        assertTrue(cells > 6000, cells + " cells compared");
    }
}
