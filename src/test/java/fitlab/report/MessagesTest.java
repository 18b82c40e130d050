package fitlab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void withoutACjkFontChineseFallsBackToEnglishWithOneLine() {
        List<String> warnings = new ArrayList<>();
        Messages m = Messages.forLanguage("zh", warnings::add, () -> null);
        assertEquals("en", m.language());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("no CJK font") && warnings.get(0).contains("fonts-noto-cjk"), warnings.get(0));
        assertFalse(warnings.get(0).contains("\n"));
        assertEquals("training loss", m.get("series.train"));
    }

    @Test
    void withACjkFontChineseIsChinese() {
        List<String> warnings = new ArrayList<>();
        Messages m = Messages.forLanguage("zh", warnings::add, () -> "Noto Sans CJK SC");
        assertEquals("zh", m.language());
        assertEquals("Noto Sans CJK SC", m.fontFamily());
        assertTrue(warnings.isEmpty());
        assertEquals("训练损失", m.get("series.train"));
    }

    @Test
    void englishNeverLooksForAFont() {
        Messages m = Messages.forLanguage("en", w -> fail("no warning expected"), () -> {
            throw new AssertionError("no font lookup for English");
        });
        assertEquals("en", m.language());
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        ResourceBundle en = ResourceBundle.getBundle("fitlab.report.messages", Locale.ROOT);
        ResourceBundle zh = ResourceBundle.getBundle("fitlab.report.messages", Locale.SIMPLIFIED_CHINESE);
        assertEquals(new HashSet<>(en.keySet()), new HashSet<>(zh.keySet()));
        long translated = en.keySet().stream().filter(k -> zh.getString(k).codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)).count();
        assertTrue(translated > 0.9 * en.keySet().size(), "almost every message has Chinese text: " + translated + " of " + en.keySet().size());
    }

    @Test
    void aCellIdsExponentIsWrittenAsPeopleWriteIt() {
        Messages m = Messages.forLanguage("en", w -> {}, () -> null);
        assertEquals("Loss curves of lr=0.0001.", m.get("caption.lossCurves", "lr=1.0E-4"));
        assertEquals("Loss curves of weight_decay=0.001,l1=10⁻⁵.", m.get("caption.lossCurves", "weight_decay=0.001,l1=1.0E-5"));
        assertEquals("Loss curves of hidden=64-64.", m.get("caption.lossCurves", "hidden=64-64"), "no exponent, nothing changes");
        assertEquals("lr=2×10⁻⁸", Messages.withoutExponents("lr=2.0E-8"));
        assertEquals("file1E-4x", Messages.withoutExponents("file1E-4x"), "only whole numbers in a text");
    }
}
