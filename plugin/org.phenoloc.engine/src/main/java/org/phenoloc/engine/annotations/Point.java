package org.phenoloc.engine.annotations;

import java.util.List;

/** A position in image pixel coordinates (x to the right, y down, origin at the top-left pixel's corner). */
public record Point(double x, double y) {
    public double distance(Point o) {
        return Math.hypot(x - o.x, y - o.y);
    }

    /**
     * Distance to the nearest point of a polyline (its segments, ends included; a one-point line is that point).
     *
     * @throws IllegalArgumentException if the line has no points
     */
    public double distanceTo(List<Point> line) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException("a polyline needs at least one point");
        }
        double best = distance(line.get(0));
        for (int i = 1; i < line.size(); i++) {
            Point a = line.get(i - 1);
            Point b = line.get(i);
            double vx = b.x - a.x;
            double vy = b.y - a.y;
            double len2 = vx * vx + vy * vy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * vx + (y - a.y) * vy) / len2));
            best = Math.min(best, Math.hypot(a.x + t * vx - x, a.y + t * vy - y));
        }
        return best;
    }
}
