package fitlab.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses, with the HTTP status and what the page shows next to the field: the setting's
 * key path (or {@code yaml}), and for YAML the line and column the config loader named.
 */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;
    private final int line;
    private final int column;

    Rejection(int status, String field, String message) {
        this(status, field, message, 0, 0);
    }

    Rejection(int status, String field, String message, int line, int column) {
        super(message);
        this.status = status;
        this.field = field;
        this.line = line;
        this.column = column;
    }

    int status() {
        return status;
    }

    /** The JSON body: {@code {"error": message, "field": key, "line": n, "column": n}} (line/column only when known). */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", getMessage());
        if (field != null) {
            m.put("field", field);
        }
        if (line > 0) {
            m.put("line", line);
            m.put("column", column);
        }
        return m;
    }
}
