package fitlab.report;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;

/**
 * The Graphics2D a chart's pixels (PNG, GIF frames) are painted through: everything goes to the image's own graphics
 * unchanged, except a stroked path made only of cubic segments, which is stroked as the polyline of its end points.
 * A long data line is drawn by XChart as such a path, its points at most two pixels apart ({@link Lines#LONG_LINE}),
 * where the curve and the straight segment cover the same pixels; Java2D's rasteriser subdivides every cubic before
 * it strokes it, and stroking the polyline takes half the time (measured on 1 600-point lines at the chart size).
 * The SVG and the slides draw these lines as polylines already ({@link CompactGraphics}).
 */
final class PolylineGraphics extends Graphics2D {
    private final Graphics2D target;

    PolylineGraphics(Graphics2D target) {
        this.target = target;
    }

    /** {@code s} as it is stroked: an all-cubic path (a move, then two or more cubics) as its polyline, else itself. */
    static Shape polyline(Shape s) {
        if (!(s instanceof Path2D path)) {
            return s;
        }
        PathIterator it = path.getPathIterator(null);
        double[] c = new double[6];
        double[] xy = new double[64];
        int n = 0;
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            boolean expected = n == 0 ? type == PathIterator.SEG_MOVETO : type == PathIterator.SEG_CUBICTO;
            if (!expected) {
                return s;
            }
            if (2 * n + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, 2 * xy.length);
            }
            xy[2 * n] = type == PathIterator.SEG_MOVETO ? c[0] : c[4];
            xy[2 * n + 1] = type == PathIterator.SEG_MOVETO ? c[1] : c[5];
            n++;
        }
        if (n < 3) {
            return s;
        }
        Path2D.Double out = new Path2D.Double(it.getWindingRule(), n);
        out.moveTo(xy[0], xy[1]);
        for (int i = 1; i < n; i++) {
            out.lineTo(xy[2 * i], xy[2 * i + 1]);
        }
        return out;
    }

    @Override
    public void scale(double a0, double a1) {
        target.scale(a0, a1);
    }

    @Override
    public void fill(java.awt.Shape a0) {
        target.fill(a0);
    }

    @Override
    public void transform(java.awt.geom.AffineTransform a0) {
        target.transform(a0);
    }

    @Override
    public void rotate(double a0, double a1, double a2) {
        target.rotate(a0, a1, a2);
    }

    @Override
    public void rotate(double a0) {
        target.rotate(a0);
    }

    @Override
    public boolean hit(java.awt.Rectangle a0, java.awt.Shape a1, boolean a2) {
        return target.hit(a0, a1, a2);
    }

    @Override
    public java.awt.Paint getPaint() {
        return target.getPaint();
    }

    @Override
    public void setPaint(java.awt.Paint a0) {
        target.setPaint(a0);
    }

    @Override
    public void draw(java.awt.Shape a0) {
        target.draw(polyline(a0));
    }

    @Override
    public boolean drawImage(java.awt.Image a0, java.awt.geom.AffineTransform a1, java.awt.image.ImageObserver a2) {
        return target.drawImage(a0, a1, a2);
    }

    @Override
    public void drawImage(java.awt.image.BufferedImage a0, java.awt.image.BufferedImageOp a1, int a2, int a3) {
        target.drawImage(a0, a1, a2, a3);
    }

    @Override
    public void drawRenderedImage(java.awt.image.RenderedImage a0, java.awt.geom.AffineTransform a1) {
        target.drawRenderedImage(a0, a1);
    }

    @Override
    public void drawRenderableImage(java.awt.image.renderable.RenderableImage a0, java.awt.geom.AffineTransform a1) {
        target.drawRenderableImage(a0, a1);
    }

    @Override
    public void drawString(java.lang.String a0, float a1, float a2) {
        target.drawString(a0, a1, a2);
    }

    @Override
    public void drawString(java.lang.String a0, int a1, int a2) {
        target.drawString(a0, a1, a2);
    }

    @Override
    public void drawString(java.text.AttributedCharacterIterator a0, float a1, float a2) {
        target.drawString(a0, a1, a2);
    }

    @Override
    public void drawString(java.text.AttributedCharacterIterator a0, int a1, int a2) {
        target.drawString(a0, a1, a2);
    }

    @Override
    public void drawGlyphVector(java.awt.font.GlyphVector a0, float a1, float a2) {
        target.drawGlyphVector(a0, a1, a2);
    }

    @Override
    public java.awt.GraphicsConfiguration getDeviceConfiguration() {
        return target.getDeviceConfiguration();
    }

    @Override
    public void setComposite(java.awt.Composite a0) {
        target.setComposite(a0);
    }

    @Override
    public void setStroke(java.awt.Stroke a0) {
        target.setStroke(a0);
    }

    @Override
    public void setRenderingHint(java.awt.RenderingHints.Key a0, java.lang.Object a1) {
        target.setRenderingHint(a0, a1);
    }

    @Override
    public java.lang.Object getRenderingHint(java.awt.RenderingHints.Key a0) {
        return target.getRenderingHint(a0);
    }

    @Override
    public void setRenderingHints(java.util.Map<?, ?> a0) {
        target.setRenderingHints(a0);
    }

    @Override
    public void addRenderingHints(java.util.Map<?, ?> a0) {
        target.addRenderingHints(a0);
    }

    @Override
    public java.awt.RenderingHints getRenderingHints() {
        return target.getRenderingHints();
    }

    @Override
    public void translate(double a0, double a1) {
        target.translate(a0, a1);
    }

    @Override
    public void translate(int a0, int a1) {
        target.translate(a0, a1);
    }

    @Override
    public void shear(double a0, double a1) {
        target.shear(a0, a1);
    }

    @Override
    public void setTransform(java.awt.geom.AffineTransform a0) {
        target.setTransform(a0);
    }

    @Override
    public java.awt.geom.AffineTransform getTransform() {
        return target.getTransform();
    }

    @Override
    public java.awt.Composite getComposite() {
        return target.getComposite();
    }

    @Override
    public void setBackground(java.awt.Color a0) {
        target.setBackground(a0);
    }

    @Override
    public java.awt.Color getBackground() {
        return target.getBackground();
    }

    @Override
    public java.awt.Stroke getStroke() {
        return target.getStroke();
    }

    @Override
    public void clip(java.awt.Shape a0) {
        target.clip(a0);
    }

    @Override
    public java.awt.font.FontRenderContext getFontRenderContext() {
        return target.getFontRenderContext();
    }

    @Override
    public java.awt.Graphics create() {
        return new PolylineGraphics((Graphics2D) target.create());
    }

    @Override
    public void setColor(java.awt.Color a0) {
        target.setColor(a0);
    }

    @Override
    public void dispose() {
        target.dispose();
    }

    @Override
    public java.awt.Color getColor() {
        return target.getColor();
    }

    @Override
    public void fillRect(int a0, int a1, int a2, int a3) {
        target.fillRect(a0, a1, a2, a3);
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, java.awt.image.ImageObserver a9) {
        return target.drawImage(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, java.awt.image.ImageObserver a3) {
        return target.drawImage(a0, a1, a2, a3);
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, java.awt.Color a3, java.awt.image.ImageObserver a4) {
        return target.drawImage(a0, a1, a2, a3, a4);
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, java.awt.image.ImageObserver a5) {
        return target.drawImage(a0, a1, a2, a3, a4, a5);
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, java.awt.Color a9, java.awt.image.ImageObserver a10) {
        return target.drawImage(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10);
    }

    @Override
    public boolean drawImage(java.awt.Image a0, int a1, int a2, int a3, int a4, java.awt.Color a5, java.awt.image.ImageObserver a6) {
        return target.drawImage(a0, a1, a2, a3, a4, a5, a6);
    }

    @Override
    public void clipRect(int a0, int a1, int a2, int a3) {
        target.clipRect(a0, a1, a2, a3);
    }

    @Override
    public java.awt.Font getFont() {
        return target.getFont();
    }

    @Override
    public java.awt.FontMetrics getFontMetrics(java.awt.Font a0) {
        return target.getFontMetrics(a0);
    }

    @Override
    public void drawLine(int a0, int a1, int a2, int a3) {
        target.drawLine(a0, a1, a2, a3);
    }

    @Override
    public void drawPolygon(int[] a0, int[] a1, int a2) {
        target.drawPolygon(a0, a1, a2);
    }

    @Override
    public void fillPolygon(int[] a0, int[] a1, int a2) {
        target.fillPolygon(a0, a1, a2);
    }

    @Override
    public java.awt.Rectangle getClipBounds() {
        return target.getClipBounds();
    }

    @Override
    public void setPaintMode() {
        target.setPaintMode();
    }

    @Override
    public void setXORMode(java.awt.Color a0) {
        target.setXORMode(a0);
    }

    @Override
    public void setFont(java.awt.Font a0) {
        target.setFont(a0);
    }

    @Override
    public void setClip(int a0, int a1, int a2, int a3) {
        target.setClip(a0, a1, a2, a3);
    }

    @Override
    public void setClip(java.awt.Shape a0) {
        target.setClip(a0);
    }

    @Override
    public java.awt.Shape getClip() {
        return target.getClip();
    }

    @Override
    public void copyArea(int a0, int a1, int a2, int a3, int a4, int a5) {
        target.copyArea(a0, a1, a2, a3, a4, a5);
    }

    @Override
    public void clearRect(int a0, int a1, int a2, int a3) {
        target.clearRect(a0, a1, a2, a3);
    }

    @Override
    public void drawRoundRect(int a0, int a1, int a2, int a3, int a4, int a5) {
        target.drawRoundRect(a0, a1, a2, a3, a4, a5);
    }

    @Override
    public void fillRoundRect(int a0, int a1, int a2, int a3, int a4, int a5) {
        target.fillRoundRect(a0, a1, a2, a3, a4, a5);
    }

    @Override
    public void drawOval(int a0, int a1, int a2, int a3) {
        target.drawOval(a0, a1, a2, a3);
    }

    @Override
    public void fillOval(int a0, int a1, int a2, int a3) {
        target.fillOval(a0, a1, a2, a3);
    }

    @Override
    public void drawArc(int a0, int a1, int a2, int a3, int a4, int a5) {
        target.drawArc(a0, a1, a2, a3, a4, a5);
    }

    @Override
    public void fillArc(int a0, int a1, int a2, int a3, int a4, int a5) {
        target.fillArc(a0, a1, a2, a3, a4, a5);
    }

    @Override
    public void drawPolyline(int[] a0, int[] a1, int a2) {
        target.drawPolyline(a0, a1, a2);
    }
}
