package fitlab.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.report.ClassBand;
import org.junit.jupiter.api.Test;

/** The class band's quantiles on small hand-checked cases (numpy.percentile's default, linear). */
class ClassBandTest {
    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        // one point, students in any order: sorted 1, 2, 4, 8 -> positions 0.3, 1.5, 2.7
        ClassBand b = ClassBand.of(new double[][] {{8}, {1}, {4}, {2}});
        assertEquals(1 + 0.3 * (2 - 1), b.p10()[0], 1e-15);
        assertEquals(3.0, b.median()[0], 0.0);
        assertEquals(4 + 0.7 * (8 - 4), b.p90()[0], 1e-15);
    }

    @Test
    void aDivergedStudentIsLeftOutAndASingleStudentIsTheBand() {
        ClassBand b = ClassBand.of(new double[][] {{5, Double.NaN}, {1, 7}, {3, Double.POSITIVE_INFINITY}});
        assertEquals(3.0, b.median()[0], 0.0);
        assertEquals(1 + 0.2 * 2, b.p10()[0], 1e-15);
        assertEquals(7.0, b.p10()[1], 0.0);
        assertEquals(7.0, b.median()[1], 0.0);
        assertEquals(7.0, b.p90()[1], 0.0);
        assertTrue(Double.isNaN(ClassBand.of(new double[][] {{Double.NaN}}).median()[0]));
    }
}
