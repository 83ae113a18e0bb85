package org.phenoloc.knime.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.phenoloc.engine.annotations.Point;

/**
 * Root geometry as text, so it fits a string column: polylines separated by ';', points by ',', coordinates by a
 * space, e.g. {@code "10.5 3,12 40;30 8,31 60"}.
 */
public final class Geometry {
    private Geometry() {
    }

    public static String format(final List<List<Point>> lines) {
        StringBuilder sb = new StringBuilder();
        for (List<Point> line : lines) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(num(line.get(i).x())).append(' ').append(num(line.get(i).y()));
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** @throws IllegalArgumentException naming the bad part */
    public static List<List<Point>> parse(final String text) {
        List<List<Point>> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        for (String line : text.split(";")) {
            List<Point> pts = new ArrayList<>();
            for (String pt : line.trim().split(",")) {
                String[] xy = pt.trim().split("\\s+");
                if (xy.length != 2) {
                    throw new IllegalArgumentException("point '" + pt.trim() + "' is not 'x y'");
                }
                try {
                    pts.add(new Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("point '" + pt.trim() + "' has a non-numeric coordinate");
                }
            }
            lines.add(pts);
        }
        return lines;
    }
}
