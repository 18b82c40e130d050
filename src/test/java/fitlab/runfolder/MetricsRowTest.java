package fitlab.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Early stopping watches the metrics column its monitor names. */
class MetricsRowTest {
    @Test
    void eachMonitorReadsItsOwnColumn() {
        MetricsRow row = new MetricsRow(7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.01, 1.5);
        assertEquals(0.1, row.monitored("train_loss"));
        assertEquals(0.2, row.monitored("validation_loss"));
        assertEquals(0.4, row.monitored("train_accuracy"));
        assertEquals(0.5, row.monitored("validation_accuracy"));
    }
}
