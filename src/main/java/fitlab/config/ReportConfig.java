package fitlab.config;

/** The {@code report:} section: {@code language} is {@code en} or {@code zh} (Simplified Chinese). */
public record ReportConfig(String language) {}
