package fitlab.report;

import java.util.List;

/**
 * The cells of a sweep laid out along one axis, for one combination of the other swept settings (seeds excluded:
 * they are the repeats inside each point). {@code label} names that combination, e.g. {@code hidden=16}, and is empty
 * when nothing else is swept.
 */
public record AxisGroup(String label, List<AxisPoint> points) {
    public AxisGroup {
        points = List.copyOf(points);
    }

    public double[] xs() {
        return points.stream().mapToDouble(AxisPoint::x).toArray();
    }

    /** A file-name-safe suffix for this group's charts: empty for the only group, else {@code -} and the label. */
    public String fileSuffix() {
        return label.isEmpty() ? "" : "-" + label.replaceAll("[^A-Za-z0-9._=+-]", "_");
    }
}
