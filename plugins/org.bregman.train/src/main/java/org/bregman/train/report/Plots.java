package org.bregman.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import javax.imageio.ImageIO;

import org.bregman.train.Num;

/** PNG plots drawn with Java2D (headless). */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
        // ImageIO's default file cache registers a shutdown hook per stream, which fails while the JVM shuts
        // down — exactly when Ctrl-C makes us write the finished runs; an in-memory cache needs no hook
        ImageIO.setUseCache(false);
    }

    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Plots() {
    }

    public record Series(String label, int colour, double[] x, double[] y) {
    }

    /** Loss curves on a log scale (non-positive values are skipped). */
    public static byte[] curves(String title, String xLabel, List<Series> series) {
        int w = 900, h = 560, left = 80, right = 250, top = 40, bottom = 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        double xmax = 1, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xmax = Math.max(xmax, s.x()[i]);
                if (s.y()[i] > 0 && Double.isFinite(s.y()[i])) {
                    ymin = Math.min(ymin, Math.log10(s.y()[i]));
                    ymax = Math.max(ymax, Math.log10(s.y()[i]));
                }
            }
        }
        if (!Double.isFinite(ymin)) {
            ymin = -1;
            ymax = 1;
        }
        ymin = Math.floor(ymin);
        ymax = Math.max(Math.ceil(ymax), ymin + 1);
        int pw = w - left - right, ph = h - top - bottom;
        axes(g, left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int step = (int) Math.max(1, Math.ceil((ymax - ymin) / 10));
        for (double e = ymin; e <= ymax; e += step) {
            int yy = top + ph - (int) ((e - ymin) / (ymax - ymin) * ph);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left, yy, left + pw, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString("1e" + (int) e, 10, yy + 4);
        }
        for (int k = 0; k <= 4; k++) {
            double xv = xmax * k / 4;
            g.drawString(Num.short4(Math.round(xv)), left + (int) (pw * k / 4.0) - 10, top + ph + 18);
        }
        g.drawString(xLabel, left + pw / 2 - 20, h - 10);
        double x1 = xmax, y0 = ymin, y1 = ymax;
        drawLines(g, series, left, top, pw, ph, (x, y) -> y > 0 && Double.isFinite(y), x -> x / x1, y -> (Math.log10(y) - y0) / (y1 - y0));
        return png(img);
    }

    /** Curves on linear axes (the caller takes logarithms where it wants them); non-finite points break a line. */
    public static byte[] lines(String title, String xLabel, String yLabel, List<Series> series) {
        int w = 900, h = 560, left = 80, right = 250, top = 40, bottom = 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) continue;
                xmin = Math.min(xmin, s.x()[i]);
                xmax = Math.max(xmax, s.x()[i]);
                ymin = Math.min(ymin, s.y()[i]);
                ymax = Math.max(ymax, s.y()[i]);
            }
        }
        if (!(xmax > xmin)) xmax = (xmin = Double.isFinite(xmin) ? xmin : 0) + 1;
        if (!(ymax > ymin)) ymax = (ymin = Double.isFinite(ymin) ? ymin : 0) + 1;
        int pw = w - left - right, ph = h - top - bottom;
        axes(g, left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k <= 4; k++) {
            double yv = ymin + (ymax - ymin) * k / 4, xv = xmin + (xmax - xmin) * k / 4;
            int yy = top + ph - (int) (ph * k / 4.0);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left, yy, left + pw, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Num.short4(yv), 10, yy + 4);
            g.drawString(Num.short4(xv), left + (int) (pw * k / 4.0) - 10, top + ph + 18);
        }
        g.drawString(xLabel, left + pw / 2 - 20, h - 10);
        g.drawString(yLabel, 10, top - 8);
        double x0 = xmin, x1 = xmax, y0 = ymin, y1 = ymax;
        drawLines(g, series, left, top, pw, ph, (x, y) -> Double.isFinite(x) && Double.isFinite(y), x -> (x - x0) / (x1 - x0),
                y -> (y - y0) / (y1 - y0));
        return png(img);
    }

    /** Which points of a series are drawn. */
    private interface Drawn {
        boolean test(double x, double y);
    }

    /**
     * Each series as a line of width 1.6 in its colour, broken at the points not {@code drawn}, at the fractions
     * {@code xAt}, {@code yAt} of the plot area; its legend entry right of the area.
     */
    private static void drawLines(Graphics2D g, List<Series> series, int left, int top, int pw, int ph, Drawn drawn, DoubleUnaryOperator xAt,
            DoubleUnaryOperator yAt) {
        g.setStroke(new BasicStroke(1.6f));
        int legendY = top + 10;
        for (Series s : series) {
            g.setColor(PALETTE[s.colour() % PALETTE.length]);
            int px = -1, py = -1;
            for (int i = 0; i < s.x().length; i++) {
                if (!drawn.test(s.x()[i], s.y()[i])) {
                    px = -1;
                    continue;
                }
                int cx = left + (int) (xAt.applyAsDouble(s.x()[i]) * pw);
                int cy = top + ph - (int) (yAt.applyAsDouble(s.y()[i]) * ph);
                if (px >= 0) g.drawLine(px, py, cx, cy);
                px = cx;
                py = cy;
            }
            g.fillRect(left + pw + 15, legendY - 8, 12, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), left + pw + 32, legendY - 3);
            legendY += 16;
        }
    }

    /** A histogram of values per mirror, one panel each, shared bins. */
    public static byte[] histograms(String title, List<String> labels, List<float[]> values, String xLabel) {
        int panels = labels.size();
        int pw = 420, ph = 220, gap = 50;
        int cols = Math.min(2, panels);
        int rows = (panels + cols - 1) / cols;
        int w = cols * (pw + gap) + 40, h = rows * (ph + gap + 30) + 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        double max = 0;
        for (float[] v : values) for (float f : v) if (Float.isFinite(f)) max = Math.max(max, Math.abs(f));
        if (max == 0) max = 1;
        int bins = 60;
        for (int p = 0; p < panels; p++) {
            int ox = 40 + (p % cols) * (pw + gap), oy = 60 + (p / cols) * (ph + gap + 30);
            int[] counts = new int[bins];
            float[] v = values.get(p);
            for (float f : v) {
                if (!Float.isFinite(f)) continue;
                int b = (int) ((f + max) / (2 * max) * bins);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
            int cmax = 1;
            for (int c : counts) cmax = Math.max(cmax, c);
            g.setColor(PALETTE[p % PALETTE.length]);
            for (int b = 0; b < bins; b++) {
                int bh = (int) ((double) counts[b] / cmax * ph);
                int bx = ox + b * pw / bins;
                g.fillRect(bx, oy + ph - bh, Math.max(1, pw / bins - 1), bh);
            }
            axes(g, ox, oy, pw, ph);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(labels.get(p), ox, oy - 8);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(Num.short4(-max), ox - 10, oy + ph + 15);
            g.drawString("0", ox + pw / 2 - 3, oy + ph + 15);
            g.drawString(Num.short4(max), ox + pw - 30, oy + ph + 15);
            g.drawString(xLabel + " (peak " + cmax + ")", ox + pw / 2 - 40, oy + ph + 30);
        }
        return png(img);
    }

    /**
     * |w| per mirror on a log axis, one panel each, shared bins: the final values as bars, the initial ones as a black
     * outline. Values at or below the lowest bin's edge (zeros included) fall into the first bin.
     */
    public static byte[] logHistograms(String title, List<String> labels, List<double[]> finals, List<double[]> initials) {
        int panels = labels.size();
        int pw = 420, ph = 220, gap = 50;
        int cols = Math.min(2, panels);
        int rows = (panels + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * (pw + gap) + 40, rows * (ph + gap + 30) + 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (List<double[]> vs : List.of(finals, initials)) {
            for (double[] v : vs) {
                for (double a : v) {
                    if (!Double.isFinite(a)) continue;
                    max = Math.max(max, a);
                    if (a > 0) min = Math.min(min, a);
                }
            }
        }
        double hi = max > 0 ? Math.ceil(Math.log10(max)) : 0;
        double lo = Double.isFinite(min) ? Math.max(Math.floor(Math.log10(min)), hi - 10) : hi - 1;
        if (lo >= hi) lo = hi - 1;
        int bins = 60;
        for (int p = 0; p < panels; p++) {
            int ox = 40 + (p % cols) * (pw + gap), oy = 60 + (p / cols) * (ph + gap + 30);
            int[] fin = logCounts(finals.get(p), lo, hi, bins), init = logCounts(initials.get(p), lo, hi, bins);
            int cmax = 1;
            for (int b = 0; b < bins; b++) cmax = Math.max(cmax, Math.max(fin[b], init[b]));
            g.setColor(PALETTE[p % PALETTE.length]);
            for (int b = 0; b < bins; b++) {
                int bh = (int) ((double) fin[b] / cmax * ph);
                g.fillRect(ox + b * pw / bins, oy + ph - bh, Math.max(1, pw / bins - 1), bh);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            int py = oy + ph;
            for (int b = 0; b < bins; b++) {
                int y = oy + ph - (int) ((double) init[b] / cmax * ph), x0 = ox + b * pw / bins, x1 = ox + (b + 1) * pw / bins;
                g.drawLine(x0, py, x0, y);
                g.drawLine(x0, y, x1, y);
                py = y;
            }
            g.drawLine(ox + pw, py, ox + pw, oy + ph);
            axes(g, ox, oy, pw, ph);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(labels.get(p), ox, oy - 8);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("≤1e" + (int) lo, ox - 10, oy + ph + 15);
            g.drawString("1e" + (int) hi, ox + pw - 25, oy + ph + 15);
            g.drawString("|w| (log axis, peak " + cmax + ")", ox + pw / 2 - 60, oy + ph + 30);
        }
        return png(img);
    }

    /** Counts of |w| in {@code bins} equal bins of log10 |w| over [lo, hi]; below lo (and 0) in the first. */
    static int[] logCounts(double[] values, double lo, double hi, int bins) {
        int[] counts = new int[bins];
        for (double a : values) {
            if (!Double.isFinite(a)) continue;
            int b = a > 0 ? (int) ((Math.log10(a) - lo) / (hi - lo) * bins) : 0;
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return counts;
    }

    /** Points (x, y) per series on log-log axes (non-positive values skipped); one decade at least on each axis. */
    public static byte[] scatter(String title, String xLabel, List<Series> series) {
        int w = 900, h = 560, left = 80, right = 250, top = 40, bottom = 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        double[] x = range(series, true), y = range(series, false);
        int pw = w - left - right, ph = h - top - bottom;
        axes(g, left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double e = y[0]; e <= y[1]; e++) g.drawString("1e" + (int) e, 10, top + ph - (int) ((e - y[0]) / (y[1] - y[0]) * ph) + 4);
        for (double e = x[0]; e <= x[1]; e++) g.drawString("1e" + (int) e, left + (int) ((e - x[0]) / (x[1] - x[0]) * pw) - 10, top + ph + 18);
        g.drawString(xLabel + " (log axis)", left + pw / 2 - 40, h - 10);
        int legendY = top + 10;
        for (Series s : series) {
            g.setColor(PALETTE[s.colour() % PALETTE.length]);
            for (int i = 0; i < s.x().length; i++) {
                if (!(s.x()[i] > 0) || !(s.y()[i] > 0) || !Double.isFinite(s.y()[i])) continue;
                int cx = left + (int) ((Math.log10(s.x()[i]) - x[0]) / (x[1] - x[0]) * pw);
                int cy = top + ph - (int) ((Math.log10(s.y()[i]) - y[0]) / (y[1] - y[0]) * ph);
                g.fillOval(cx - 4, cy - 4, 8, 8);
            }
            g.fillOval(left + pw + 15, legendY - 9, 8, 8);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), left + pw + 32, legendY - 3);
            legendY += 16;
        }
        return png(img);
    }

    /** {floor, ceil} of log10 of the positive finite x (or y) values of all series, at least one decade apart. */
    private static double[] range(List<Series> series, boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        if (!Double.isFinite(lo)) return new double[] {-1, 1};
        lo = Math.floor(lo);
        return new double[] {lo, Math.max(Math.ceil(hi), lo + 1)};
    }

    static Graphics2D start(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 15, 24);
        return g;
    }

    private static void axes(Graphics2D g, int x, int y, int w, int h) {
        g.setColor(Color.BLACK);
        g.drawLine(x, y + h, x + w, y + h);
        g.drawLine(x, y, x, y + h);
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
