package org.phenoloc.engine.annotations;

/** A position in image pixel coordinates (x to the right, y down, origin at the top-left pixel's corner). */
public record Point(double x, double y) {
    public double distance(Point o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
