package org.phenoloc.engine.localisation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.List;

import org.phenoloc.engine.annotations.Point;

/** Pictures of a localisation: heat map, binary map and an overlay with the detections circled. */
public final class Renderings {
    private static final Color[] CLASS_COLOURS = {new Color(255, 40, 40), new Color(40, 220, 40), new Color(255, 200, 0),
        new Color(0, 200, 255)};

    private Renderings() {}

    public static Color classColour(int cls) {
        return CLASS_COLOURS[cls % CLASS_COLOURS.length];
    }

    /** Colour levels of the heat map: probabilities are shown in steps of 1/255. */
    private static final int LEVELS = 256;
    private static final IndexColorModel HEAT_PALETTE = heatPalette();

    /**
     * Heat map at original resolution: for each pixel the highest feature-class probability (grid upscaled by
     * nearest neighbour) in 256 levels of an inferno-like colour ramp; the border that no window centre reaches is
     * black. An 8-bit palette image: a third of the bytes of an RGB one to fill and to compress (a 4.8 MP heat map
     * encodes in about a third of the time), the same colours to 1/255 in probability.
     */
    public static BufferedImage heatMap(LocalisationResult r) {
        ProbabilityGrid g = r.grid();
        int w = r.width();
        BufferedImage out = new BufferedImage(w, r.height(), BufferedImage.TYPE_BYTE_INDEXED, HEAT_PALETTE);
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] cols = new int[w];
        for (int x = 0; x < w; x++) {
            cols[x] = g.colAt((int) Math.floor(x * r.imageScale()));
        }
        byte[] line = new byte[w];
        int lineRow = Integer.MIN_VALUE;
        for (int y = 0; y < r.height(); y++) {
            int row = g.rowAt((int) Math.floor(y * r.imageScale()));
            if (row != lineRow) { // consecutive image rows of one grid row look the same: colour it once
                heatMapLine(g, row, cols, line);
                lineRow = row;
            }
            System.arraycopy(line, 0, pixels, y * w, w);
        }
        return out;
    }

    private static void heatMapLine(ProbabilityGrid g, int row, int[] cols, byte[] line) {
        for (int x = 0; x < line.length; x++) {
            float p = 0;
            if (row >= 0 && cols[x] >= 0) {
                for (int c = 0; c < g.classes() - 1; c++) {
                    p = Math.max(p, g.get(row, cols[x], c));
                }
            }
            line[x] = (byte) level(p);
        }
    }

    /** The heat map's colour level of probability p: 0 (black) to 255. */
    static int level(float p) {
        return Math.round(Math.max(0, Math.min(1, p)) * (LEVELS - 1));
    }

    /** The heat map's RGB colour for probability p (the ramp at its level). */
    static int heatColour(float p) {
        return ramp(level(p) / (float) (LEVELS - 1));
    }

    private static IndexColorModel heatPalette() {
        byte[] r = new byte[LEVELS];
        byte[] gr = new byte[LEVELS];
        byte[] b = new byte[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            int rgb = ramp(i / (float) (LEVELS - 1));
            r[i] = (byte) (rgb >> 16);
            gr[i] = (byte) (rgb >> 8);
            b[i] = (byte) rgb;
        }
        return new IndexColorModel(8, LEVELS, r, gr, b);
    }

    /** Binary map of class cls at original resolution: pixels whose window probability reaches the threshold. */
    public static boolean[] binaryMap(LocalisationResult r, int cls, double threshold) {
        boolean[] map = new boolean[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            int sy = (int) Math.floor(y * r.imageScale());
            for (int x = 0; x < r.width(); x++) {
                map[y * r.width() + x] = r.grid().atPixel((int) Math.floor(x * r.imageScale()), sy, cls) >= threshold;
            }
        }
        return map;
    }

    /** The image with detections circled (class colours) and, if given, true points as small white crosses. */
    public static BufferedImage overlay(BufferedImage image, List<Detection> detections, List<String> classes,
            List<Point> truth, double radius) {
        return overlay(image, detections, classes, truth, List.of(), radius);
    }

    /**
     * As {@link #overlay(BufferedImage, List, List, List, double)}, with the true points {@code truth} as upright
     * white crosses (+) and {@code onOtherRoots}, true points that lie on another annotated root, as diagonal ones (x).
     */
    public static BufferedImage overlay(BufferedImage image, List<Detection> detections, List<String> classes,
            List<Point> truth, List<Point> onOtherRoots, double radius) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float w = Math.max(2f, image.getWidth() / 600f);
        g.setStroke(new BasicStroke(w));
        g.setColor(Color.WHITE);
        int a = (int) Math.max(4, radius / 3);
        for (Point p : truth == null ? List.<Point>of() : truth) {
            g.drawLine((int) p.x() - a, (int) p.y(), (int) p.x() + a, (int) p.y());
            g.drawLine((int) p.x(), (int) p.y() - a, (int) p.x(), (int) p.y() + a);
        }
        for (Point p : onOtherRoots) {
            g.drawLine((int) p.x() - a, (int) p.y() - a, (int) p.x() + a, (int) p.y() + a);
            g.drawLine((int) p.x() - a, (int) p.y() + a, (int) p.x() + a, (int) p.y() - a);
        }
        for (Detection d : detections) {
            g.setColor(classColour(Math.max(0, classes.indexOf(d.className()))));
            g.drawOval((int) Math.round(d.x() - radius), (int) Math.round(d.y() - radius), (int) (2 * radius), (int) (2 * radius));
        }
        g.dispose();
        return out;
    }

    /** Black -> purple -> orange -> yellow. */
    static int ramp(float p) {
        float t = Math.max(0, Math.min(1, p));
        int r = (int) (255 * Math.min(1, 1.6 * t));
        int gr = (int) (255 * Math.max(0, Math.min(1, 1.8 * t - 0.7)));
        int b = (int) (255 * Math.max(0, Math.min(1, t < 0.4 ? 1.5 * t : 1.2 - 1.6 * (t - 0.4))));
        return (r << 16) | (gr << 8) | b;
    }
}
