package fitlab.pth;

import java.util.SortedSet;

/**
 * A read {@code .pth} file: the unpickled value, the container {@code format} ({@code zip} or {@code legacy}),
 * the {@code byteorder} its storages were written in, and every global its pickle referenced ({@code module.name}).
 */
public record PthFile(Object value, String format, String byteorder, SortedSet<String> globals) {}
