package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers on slides: the forms a title, a legend, an HTML table and a log axis give the same values. */
class HumanNumberTest {
    @Test
    void titlesAndTablesWriteNumbersAsTheAxesDo() {
        assertEquals("8.33×10⁸", Messages.number(8.33e8));
        assertEquals("1.234×10⁻⁵", Messages.number(1.2341e-5));
        assertEquals("0.01516", Messages.number(0.015157));
        assertEquals("0.3333", Messages.number(1.0 / 3));
        assertEquals("16900", Messages.number(16897));
    }

    @Test
    void aLogAxisOverManyDecadesLabelsPowersOfTenOnly() {
        LogTicks wide = new LogTicks(1e-7, 1e9);
        assertEquals("10⁵", wide.apply(1e5));
        assertEquals("10⁻⁴", wide.apply(1e-4));
        assertEquals("10⁰", wide.apply(1.0));
        assertEquals(LogTicks.BLANK, wide.apply(2e5));
        LogTicks narrow = new LogTicks(0.004, 0.6);
        assertEquals("0.01", narrow.apply(0.01));
        assertEquals("0.2", narrow.apply(0.2));
    }
}
