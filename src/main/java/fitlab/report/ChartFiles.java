package fitlab.report;

import fitlab.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saves a chart as PNG and SVG side by side, each written atomically (temp file, then rename). */
public final class ChartFiles {
    private ChartFiles() {}

    /** Writes {@code base.png} and {@code base.svg}; {@code base} is a path without extension. */
    public static void save(Chart<?, ?> chart, Path base) {
        try {
            write(base.resolveSibling(base.getFileName() + ".png"), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            write(base.resolveSibling(base.getFileName() + ".svg"), svg.toByteArray());
        } catch (IOException e) {
            throw new UserError("cannot write chart " + base + ": " + e.getMessage());
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
