package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RenderingsTest {
    /**
     * The heat map colours each grid row once and copies it to the image rows that show it: every pixel must equal the
     * per-pixel definition (the ramp of the highest feature probability at that pixel, black in the border), for
     * images scanned at their own size and halved (shoots).
     */
    @Test
    void heatMapEqualsThePerPixelDefinition() {
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
            BufferedImage map = Renderings.heatMap(r);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int sx = (int) Math.floor(x * scale);
                    int sy = (int) Math.floor(y * scale);
                    float p = Math.max(g.atPixel(sx, sy, 0), g.atPixel(sx, sy, 1));
                    assertEquals(Renderings.ramp(p), map.getRGB(x, y) & 0xffffff, "scale " + scale + " pixel " + x + "," + y);
                }
            }
        }
    }
}
