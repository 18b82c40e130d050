package fitlab.pth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An instance of a Python class as pickled by {@code object.__reduce_ex__(2)} ({@code GLOBAL cls},
 * {@code NEWOBJ}, {@code BUILD state}), e.g. a whole {@code nn.Module}. Inert data: the class's module
 * and name plus its {@code __dict__}; nothing is ever instantiated or run.
 */
public record PyObject(String module, String name, Map<String, Object> state) {
    public PyObject {
        Objects.requireNonNull(module);
        Objects.requireNonNull(name);
        state = state == null ? new LinkedHashMap<>() : state;
    }

    /** {@code module.name}, as Python prints a class path. */
    public String className() {
        return module + "." + name;
    }
}
