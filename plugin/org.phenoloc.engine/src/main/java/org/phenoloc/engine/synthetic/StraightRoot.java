package org.phenoloc.engine.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.phenoloc.engine.annotations.Point;

/**
 * The simplest root image: one straight pale root of a known width down the middle of square blue paper, with its
 * centre line (base at the top, tip at the bottom) for annotations. For checks of measurements in pixels, such as the
 * root width that sets the default image scale.
 */
public final class StraightRoot {
    private StraightRoot() {}

    /**
     * A {@code side} x {@code side} image with a {@code width} px wide root from 10 px below the top to 10 px above
     * the bottom.
     */
    public static BufferedImage image(int side, int width) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 60, 190));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(210, 205, 200));
        g.fillRect(side / 2 - width / 2, 10, width, side - 20);
        g.dispose();
        return img;
    }

    /** The root's centre line in {@link #image}, base to tip. */
    public static List<Point> line(int side, int width) {
        double x = side / 2 - width / 2 + width / 2.0;
        return List.of(new Point(x, 10), new Point(x, side - 10));
    }
}
