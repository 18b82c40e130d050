package fitlab.config;

/** The question an experiment answers, in English and (optionally empty) Simplified Chinese. */
public record Question(String en, String zh) {
    public String in(String language) {
        return "zh".equals(language) && !zh.isBlank() ? zh : en;
    }
}
