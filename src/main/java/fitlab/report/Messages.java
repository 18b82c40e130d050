package fitlab.report;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word a chart or report shows, in English or Simplified Chinese, from the resource bundles
 * {@code fitlab/report/messages*.properties} (never from code). Also picks a font that can draw the language,
 * and falls back to English with a one-line notice when no CJK font is installed rather than drawing boxes.
 */
public final class Messages {
    private static final String SAMPLE_ZH = "过拟合欠拟合训练验证测试";

    private final ResourceBundle bundle;
    private final String language;
    private final String fontFamily;

    private Messages(String language, String fontFamily) {
        this.language = language;
        this.fontFamily = fontFamily;
        this.bundle = ResourceBundle.getBundle("fitlab.report.messages", "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT);
    }

    /**
     * Messages for {@code language} ({@code en} or {@code zh}). When Chinese is asked for but no installed font
     * can draw it, {@code warn} receives one line and English is used.
     */
    public static Messages forLanguage(String language, java.util.function.Consumer<String> warn) {
        return forLanguage(language, warn, Messages::cjkFontFamily);
    }

    /** As {@link #forLanguage(String, java.util.function.Consumer)}, with the font lookup given (a test seam). */
    static Messages forLanguage(String language, java.util.function.Consumer<String> warn,
                                java.util.function.Supplier<String> cjkFont) {
        if ("zh".equals(language)) {
            String family = cjkFont.get();
            if (family == null) {
                warn.accept("no CJK font found (install fonts-noto-cjk); drawing the report in English instead of Chinese");
                return new Messages("en", Font.SANS_SERIF);
            }
            return new Messages("zh", family);
        }
        return new Messages("en", Font.SANS_SERIF);
    }

    /** A font family that draws Chinese: the logical SansSerif when it can (it maps to Noto CJK on Debian), else any installed one. */
    static String cjkFontFamily() {
        if (new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo(SAMPLE_ZH) == -1) {
            return Font.SANS_SERIF;
        }
        for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
            if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(SAMPLE_ZH) == -1) {
                return family;
            }
        }
        return null;
    }

    public String language() {
        return language;
    }

    public String fontFamily() {
        return fontFamily;
    }

    /** The message {@code key} with {@code args} filled in ({@link MessageFormat} syntax). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing message '" + key + "' for language " + language, e);
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof String text) {
                shown[i] = withoutExponents(text);
            }
        }
        return new MessageFormat(pattern, Locale.ROOT).format(shown);
    }

    /** A number in Java's exponent form inside a text ({@code 1.0E-4} in the cell id {@code lr=1.0E-4}). */
    private static final java.util.regex.Pattern EXPONENT = java.util.regex.Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?E-?\\d+(?![\\w.])");

    /**
     * The text with every exponent-form number written as people write it ({@code lr=0.0001}). Cell ids keep Java's
     * form, as their folders are named, but every word a chart shows goes through here.
     */
    static String withoutExponents(String text) {
        if (text.indexOf('E') < 0) {
            return text;
        }
        return EXPONENT.matcher(text).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(HumanNumber.format(Double.parseDouble(r.group()))));
    }

    /** A number formatted compactly for titles: 4 significant digits. */
    public static String number(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        // titles, legends and the HTML tables write numbers as the axes do: never Java's 1.234e-05
        return HumanNumber.format(v);
    }
}
