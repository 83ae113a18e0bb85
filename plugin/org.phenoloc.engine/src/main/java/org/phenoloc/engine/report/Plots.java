package org.phenoloc.engine.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Small line charts for reports (Java2D; no charting dependency for two plots). */
public final class Plots {
    private Plots() {}

    /** One series of a chart. */
    public record Series(String name, double[] x, double[] y, Color colour) {}

    public static BufferedImage lineChart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin,
            double yMax, List<Series> series) {
        int w = 720;
        int h = 480;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.drawRect(left, top, pw, ph);
        for (int i = 0; i <= 5; i++) {
            double xv = xMin + (xMax - xMin) * i / 5;
            double yv = yMin + (yMax - yMin) * i / 5;
            int px = left + pw * i / 5;
            int py = top + ph - ph * i / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, top, px, top + ph);
            g.drawLine(left, py, left + pw, py);
            g.setColor(Color.BLACK);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", xv), px - 12, top + ph + 16);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", yv), left - 40, py + 4);
        }
        g.drawString(xLabel, left + pw / 2 - 30, h - 20);
        g.drawString(yLabel, 5, top - 8);
        int ly = top + 15;
        for (Series s : series) {
            g.setColor(s.colour());
            g.setStroke(new BasicStroke(2f));
            int[] xs = new int[s.x().length];
            int[] ys = new int[s.y().length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = left + (int) Math.round(pw * (s.x()[i] - xMin) / (xMax - xMin));
                ys[i] = top + ph - (int) Math.round(ph * (s.y()[i] - yMin) / (yMax - yMin));
                g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
            }
            g.drawPolyline(xs, ys, xs.length);
            g.drawLine(left + pw - 150, ly, left + pw - 130, ly);
            g.drawString(s.name(), left + pw - 125, ly + 4);
            ly += 18;
        }
        g.dispose();
        return img;
    }
}
