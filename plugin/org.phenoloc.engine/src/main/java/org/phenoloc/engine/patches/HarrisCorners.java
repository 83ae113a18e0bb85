package org.phenoloc.engine.patches;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.phenoloc.engine.annotations.Point;

import boofcv.abst.feature.detect.interest.ConfigGeneralDetector;
import boofcv.abst.feature.detect.interest.ConfigHarrisCorner;
import boofcv.alg.feature.detect.interest.EasyGeneralFeatureDetector;
import boofcv.alg.feature.detect.interest.GeneralFeatureDetector;
import boofcv.factory.feature.detect.interest.FactoryDetectPoint;
import boofcv.struct.image.GrayF32;

/** Harris corner points (BoofCV) as candidates for the shoots' hard negatives: plant material and clutter. */
public final class HarrisCorners {
    private HarrisCorners() {}

    /**
     * @param maxCorners keep at most this many of the strongest corners
     * @param radius     non-maximum suppression radius in pixels
     */
    public static List<Point> detect(BufferedImage image, int maxCorners, int radius) {
        GrayF32 gray = new GrayF32(image.getWidth(), image.getHeight());
        int[] line = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, image.getWidth(), 1, line, 0, image.getWidth());
            for (int x = 0; x < line.length; x++) {
                int rgb = line[x];
                gray.set(x, y, (float) PatchPixels.grey((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            }
        }
        GeneralFeatureDetector<GrayF32, GrayF32> detector = FactoryDetectPoint.createHarris(
                new ConfigGeneralDetector(maxCorners, radius, 1f), new ConfigHarrisCorner(false, 2), GrayF32.class);
        EasyGeneralFeatureDetector<GrayF32, GrayF32> easy = new EasyGeneralFeatureDetector<>(detector, GrayF32.class,
                GrayF32.class);
        easy.detect(gray, null);
        var corners = easy.getMaximums();
        List<Point> out = new ArrayList<>(corners.size());
        for (int i = 0; i < corners.size(); i++) {
            out.add(new Point(corners.get(i).x, corners.get(i).y));
        }
        return out;
    }
}
