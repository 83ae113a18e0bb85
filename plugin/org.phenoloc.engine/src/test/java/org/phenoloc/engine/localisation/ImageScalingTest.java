package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The streaming area average against AWT's SCALE_AREA_AVERAGING, the oracle the models were trained with. */
class ImageScalingTest {

    @ParameterizedTest
    @CsvSource({"0.75, 203, 151", "0.5, 200, 150", "0.375, 97, 131", "0.9, 64, 33", "0.1, 250, 40", "1.0, 31, 17", "0.75, 640, 700"})
    void isAwtAreaAveragingToTheBit(double factor, int w, int h) {
        BufferedImage src = texture(w, h, 7);
        BufferedImage ours = ImageScaling.scale(src, factor);
        BufferedImage awt = awt(src, ours.getWidth(), ours.getHeight());
        int max = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                int a = ours.getRGB(x, y);
                int b = awt.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
                    max = Math.max(max, d);
                }
            }
        }
        assertEquals(0, max, "largest channel difference to AWT");
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        BufferedImage src = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[] reds = {10, 20, 200, 0, 30, 40, 100, 0};
        for (int i = 0; i < reds.length; i++) {
            src.setRGB(i % 4, i / 4, reds[i] << 16 | 5 << 8 | 255);
        }
        BufferedImage out = ImageScaling.scale(src, 0.5);
        assertEquals(2, out.getWidth());
        assertEquals(1, out.getHeight());
        assertEquals(25 << 16 | 5 << 8 | 255, out.getRGB(0, 0) & 0xffffff);
        assertEquals(75 << 16 | 5 << 8 | 255, out.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void otherImageTypesScaleLikePackedRgb() {
        BufferedImage packed = texture(90, 70, 3);
        BufferedImage bgr = new BufferedImage(90, 70, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(packed, 0, 0, null);
        BufferedImage a = ImageScaling.scale(packed, 0.75);
        BufferedImage b = ImageScaling.scale(bgr, 0.75);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y));
            }
        }
    }

    @Test
    void refusesToEnlarge() {
        assertThrows(IllegalArgumentException.class, () -> ImageScaling.scaleTo(texture(10, 10, 1), 11, 5));
    }

    private static BufferedImage awt(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(src.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    /** Smooth gradients plus noise, so both flat areas and edges are compared. */
    private static BufferedImage texture(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w + rnd.nextInt(40)) & 0xff;
                int g = (y * 255 / h) & 0xff;
                int b = rnd.nextInt(256);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }
}
