package org.phenoloc.knime.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.io.BadInputException;

/**
 * Root geometry as text, so it fits a string column: polylines separated by ';', points by ',', coordinates by a
 * space, e.g. {@code "10.5 3,12 40;30 8,31 60"}.
 */
public final class Geometry {
    private Geometry() {
    }

    /** The root geometry column written by the Annotation Reader ({@link Columns#GEOMETRY}), if the table has it as
     * strings; else -1. */
    public static int column(final DataTableSpec spec) {
        int i = spec.findColumnIndex(Columns.GEOMETRY);
        return i >= 0 && spec.getColumnSpec(i).getType().isCompatible(StringValue.class) ? i : -1;
    }

    /**
     * The lines in column {@code col} of row {@code r}; none for a missing cell.
     *
     * @throws BadInputException naming the row and the column when the text is not geometry
     */
    public static List<List<Point>> read(final DataRow r, final int col) {
        if (r.getCell(col).isMissing()) {
            return List.of();
        }
        try {
            return parse(((StringValue)r.getCell(col)).getStringValue());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("row '" + r.getKey() + "': column '" + Columns.GEOMETRY + "': " + e.getMessage());
        }
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
