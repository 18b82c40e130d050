package fitlab.report;

import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Where XChart put things on the last paint: the plot area, the legend box, the title box and the axes' tick labels.
 * XChart computes this layout while painting and keeps it in package-private parts, so it is read here by reflection;
 * placing labels around the legend and the layout tests both need the real layout, not an estimate.
 */
public final class ChartLayout {
    private ChartLayout() {}

    /** One tick label of an axis: its text and its position along the axis (pixels from the axis start). */
    public record Tick(String label, double position) {}

    public static Rectangle2D plot(Chart<?, ?> chart) {
        return bounds(invoke(Chart.class, chart, "getPlot"));
    }

    public static Rectangle2D title(Chart<?, ?> chart) {
        return bounds(invoke(Chart.class, chart, "getChartTitle"));
    }

    /** The legend box on the canvas, or null when no legend was drawn. */
    public static Rectangle2D legend(Chart<?, ?> chart) {
        if (!chart.getStyler().isLegendVisible()) {
            return null;
        }
        Object legend = invoke(Chart.class, chart, "getLegend");
        Rectangle2D size = bounds(legend);
        if (size == null) {
            return null;
        }
        double x = (double) field(legend, "xOffset"), y = (double) field(legend, "yOffset");
        return new Rectangle2D.Double(x, y, size.getWidth(), size.getHeight());
    }

    public static List<Tick> xTicks(AxesChart<?, ?> chart) {
        return ticks(invoke(AxesChart.class, chart, "getXAxis"));
    }

    public static List<Tick> yTicks(AxesChart<?, ?> chart) {
        return ticks(invoke(AxesChart.class, chart, "getYAxis"));
    }

    /** The bounds of the x axis (tick labels and title, below the plot) and of the y axis (left of it). */
    public static Rectangle2D xAxis(AxesChart<?, ?> chart) {
        return bounds(invoke(AxesChart.class, chart, "getXAxis"));
    }

    public static Rectangle2D yAxis(AxesChart<?, ?> chart) {
        return bounds(invoke(AxesChart.class, chart, "getYAxis"));
    }

    /** Where the data value {@code x} lies on the canvas (pixels from the left), on the axis XChart drew last. */
    public static double screenX(AxesChart<?, ?> chart, double x) {
        return screenValue(invoke(AxesChart.class, chart, "getXAxis"), x);
    }

    /** Where the data value {@code y} lies on the canvas (pixels from the top). */
    public static double screenY(AxesChart<?, ?> chart, double y) {
        return screenValue(invoke(AxesChart.class, chart, "getYAxis"), y);
    }

    private static double screenValue(Object axis, double v) {
        try {
            Method m = axis.getClass().getMethod("getScreenValue", double.class);
            m.setAccessible(true);
            return (double) m.invoke(axis, v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart layout: getScreenValue", e);
        }
    }

    /** The annotations added to the chart, in painting order. */
    public static List<?> annotations(AxesChart<?, ?> chart) {
        return List.copyOf((List<?>) field(chart, "annotations"));
    }

    private static List<Tick> ticks(Object axis) {
        AxisTickCalculator calc = (AxisTickCalculator) invokePublic(axis, "getAxisTickCalculator");
        List<Tick> out = new ArrayList<>();
        if (calc == null) {
            return out;
        }
        List<String> labels = calc.getTickLabels();
        List<Double> positions = calc.getTickLocations();
        for (int i = 0; i < labels.size(); i++) {
            out.add(new Tick(labels.get(i), positions.get(i)));
        }
        return out;
    }

    private static Rectangle2D bounds(Object part) {
        return part == null ? null : (Rectangle2D) invokePublic(part, "getBounds");
    }

    private static Object invoke(Class<?> owner, Object target, String method) {
        try {
            Method m = owner.getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart layout: " + owner.getSimpleName() + "." + method, e);
        }
    }

    private static Object invokePublic(Object target, String method) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(method);
                m.setAccessible(true);
                return m.invoke(target);
            } catch (NoSuchMethodException e) {
                // declared further up
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("XChart layout: " + method, e);
            }
        }
        throw new IllegalStateException("XChart layout: no " + method + " on " + target.getClass());
    }

    private static Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("XChart layout: field " + name, e);
            }
        }
        throw new IllegalStateException("XChart layout: no field " + name + " on " + target.getClass());
    }
}
