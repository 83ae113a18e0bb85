package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.annotations.Point;

class RenderingsTest {
    /**
     * The heat map colours each grid row once and copies it to the image rows that show it: every pixel must equal the
     * per-pixel definition (the ramp at the level of the highest feature probability at that pixel, black in the
     * border), for
     * images scanned at their own size and halved (shoots); checked on the decoded PNG file.
     */
    @Test
    void heatMapEqualsThePerPixelDefinition() throws Exception {
        Random random = new Random(5);
        for (double scale : new double[] {1.0, 0.5}) {
            int width = 203;
            int height = 151;
            int stride = 4;
            int offset = 16;
            int rows = ((int) (height * scale) - 2 * offset) / stride + 1;
            int cols = ((int) (width * scale) - 2 * offset) / stride + 1;
            ProbabilityGrid g = ProbabilityGrid.empty(rows, cols, stride, offset, 3);
            for (int i = 0; i < g.data().length; i++) {
                g.data()[i] = random.nextFloat();
            }
            LocalisationResult r = new LocalisationResult("x.png", width, height, scale, g, Map.of(), List.of(), 0);
            BufferedImage written = Renderings.heatMap(r);
            var png = new java.io.ByteArrayOutputStream();
            org.phenoloc.engine.imageio.ImageFiles.encodePng(written, png);
            // what a reader of the palette PNG sees
            BufferedImage map = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.toByteArray()));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int sx = (int) Math.floor(x * scale);
                    int sy = (int) Math.floor(y * scale);
                    float p = Math.max(g.atPixel(sx, sy, 0), g.atPixel(sx, sy, 1));
                    assertEquals(Renderings.heatColour(p), map.getRGB(x, y) & 0xffffff, "scale " + scale + " pixel " + x + "," + y);
                }
            }
        }
    }

    /** 256 levels: the colour of a probability is that of the nearest 1/255 step; 0 is black, 1 the ramp's end. */
    @Test
    void heatColoursAreTheRampIn256Levels() {
        assertEquals(0, Renderings.heatColour(0f));
        assertEquals(Renderings.ramp(1f), Renderings.heatColour(1f));
        assertEquals(Renderings.ramp(128 / 255f), Renderings.heatColour(0.5f));
        assertEquals(Renderings.heatColour(0.5f), Renderings.heatColour(0.5f + 0.4f / 255));
        assertEquals(255, Renderings.level(2f));
        assertEquals(0, Renderings.level(-1f));
    }

    /** Annotated points are upright white crosses, those on another root diagonal ones; detections are circles. */
    @Test
    void overlayMarksTipsOnOtherRootsWithDiagonalCrosses() {
        BufferedImage black = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Point upright = new Point(50, 50);
        Point diagonal = new Point(150, 50);
        BufferedImage o = Renderings.overlay(black, List.of(), List.of("root_tip"), List.of(upright), List.of(diagonal),
                24); // arms of 8 px
        int white = 0xffffff;
        assertEquals(white, o.getRGB(56, 50) & white, "upright: on the horizontal arm");
        assertEquals(white, o.getRGB(50, 44) & white, "upright: on the vertical arm");
        assertEquals(0, o.getRGB(56, 44) & white, "upright: nothing on the diagonal");
        assertEquals(white, o.getRGB(156, 56) & white, "diagonal: on the arm");
        assertEquals(white, o.getRGB(144, 56) & white, "diagonal: on the other arm");
        assertEquals(0, o.getRGB(156, 50) & white, "diagonal: nothing on the horizontal");
        BufferedImage plain = Renderings.overlay(black, List.of(), List.of("root_tip"), List.of(upright, diagonal), 24);
        assertEquals(white, plain.getRGB(156, 50) & white, "without the split every point is upright");
    }
}
