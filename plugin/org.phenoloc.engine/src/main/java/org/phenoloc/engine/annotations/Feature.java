package org.phenoloc.engine.annotations;

/** One annotated point feature of a class (e.g. {@code root_tip}, {@code leaf_tip}) in image pixels. */
public record Feature(String className, double x, double y) {
    public Point point() {
        return new Point(x, y);
    }
}
