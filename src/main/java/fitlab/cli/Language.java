package fitlab.cli;

/** Report languages accepted by {@code --lang}. */
enum Language {
    EN, ZH;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
