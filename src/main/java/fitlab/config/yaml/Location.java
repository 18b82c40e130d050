package fitlab.config.yaml;

/** Where a YAML node came from: a file (or {@code --set key}) and a 1-based line and column. */
public record Location(String source, int line, int column) {
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
