package org.bregman.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.bregman.train.Num;

/** A table as a heat map (PNG): colour = log10 of the value, scaled per row (viridis), the diagonal outlined. */
final class HeatMap {
    private HeatMap() {
    }

    static byte[] of(Table t) {
        int n = t.rows().size(), m = t.columns().size();
        int cell = 90, left = 200, top = 150;
        int w = left + m * cell + 30, h = top + n * cell + 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Plots.start(img, t.title());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] r : t.values()) for (double v : r) if (v > 0 && Double.isFinite(v)) {
            lo = Math.min(lo, Math.log10(v));
            hi = Math.max(hi, Math.log10(v));
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int j = 0; j < m; j++) {
            Graphics2D r = (Graphics2D) g.create();
            r.translate(left + j * cell + cell / 2, top - 8);
            r.rotate(-Math.PI / 4);
            r.setColor(Color.BLACK);
            r.drawString(t.columns().get(j), 0, 0);
            r.dispose();
        }
        for (int i = 0; i < n; i++) {
            g.setColor(Color.BLACK);
            g.drawString(t.rows().get(i), 10, top + i * cell + cell / 2 + 4);
            double rlo = Double.POSITIVE_INFINITY, rhi = Double.NEGATIVE_INFINITY;
            for (double v : t.values()[i]) if (v > 0 && Double.isFinite(v)) {
                rlo = Math.min(rlo, Math.log10(v));
                rhi = Math.max(rhi, Math.log10(v));
            }
            for (int j = 0; j < m; j++) {
                double v = t.values()[i][j];
                // colour is normalised per row: the question is which column is smallest in each row
                double u = v > 0 && Double.isFinite(v) ? (rhi > rlo ? (Math.log10(v) - rlo) / (rhi - rlo) : 0) : Double.NaN;
                g.setColor(Double.isNaN(u) ? new Color(200, 200, 200) : viridis(u));
                g.fillRect(left + j * cell, top + i * cell, cell, cell);
                g.setColor(Double.isNaN(u) || u > 0.6 ? Color.BLACK : Color.WHITE);
                g.drawString(Num.short4(v), left + j * cell + 8, top + i * cell + cell / 2 + 4);
            }
            if (i < m) {
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(3));
                g.drawRect(left + i * cell + 1, top + i * cell + 1, cell - 3, cell - 3);
                g.setStroke(new BasicStroke(1));
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("colour: log10 of each value, scaled per row (dark = row minimum); red = diagonal", 10, h - 20);
        return Plots.png(img);
    }

    private static Color viridis(double u) {
        // a few stops of the viridis map, linearly interpolated
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double x = Math.max(0, Math.min(1, u)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double f = x - i;
        return new Color((int) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                (int) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1])), (int) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
    }
}
