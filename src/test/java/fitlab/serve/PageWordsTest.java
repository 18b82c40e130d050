package fitlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page shows no key names: every word its script asks for exists, in English and in Chinese. */
class PageWordsTest {
    @Test
    void everyWordThePageScriptAsksForExistsInBothLanguages() throws IOException {
        Map<String, String> en = PageWords.of("en");
        Map<String, String> zh = PageWords.of("zh");
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()), "the same words in both languages");
        String script;
        try (InputStream in = PageWords.class.getResourceAsStream("/fitlab/serve/static/app.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // literal keys only: w("stop.completed", n) — a key built at run time ("state." + s) is checked by the browser tests
        Matcher m = Pattern.compile("\\bw\\(\"([A-Za-z0-9.]+)\"[,)]").matcher(script);
        TreeSet<String> asked = new TreeSet<>();
        while (m.find()) {
            asked.add(m.group(1));
        }
        assertTrue(asked.size() > 20, "the script's words were found: " + asked);
        // and every data-w="key" of the page itself (its headings and hints)
        String html;
        try (InputStream in = PageWords.class.getResourceAsStream("/fitlab/serve/index.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher d = Pattern.compile("data-w=\"([A-Za-z0-9.]+)\"").matcher(html);
        int inPage = 0;
        while (d.find()) {
            asked.add(d.group(1));
            inPage++;
        }
        assertTrue(inPage > 10 && asked.contains("hint.loss"), "the page's own words were found: " + asked);
        for (String key : asked) {
            assertTrue(en.containsKey(key), "app.js asks for '" + key + "', which the page's words lack");
            assertFalse(zh.get(key).isBlank(), key);
        }
        for (String reason : new String[] {"patience", "criterion", "diverged", "interrupted"}) {
            assertTrue(zh.containsKey("marker.stop." + reason), "a stop reason the page names: " + reason);
        }
        assertEquals("训练完全部 300 轮", zh.get("stop.completed").replace("{0}", "300"), "a run that went the distance");
    }
}
