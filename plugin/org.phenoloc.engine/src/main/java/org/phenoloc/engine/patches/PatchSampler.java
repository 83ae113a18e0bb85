package org.phenoloc.engine.patches;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;

/**
 * Cuts positive patches at annotated features and negatives away from them: a share on the annotated structure
 * (hard negatives, e.g. along roots) and the rest at random points of the image. Deterministic for a given Random.
 */
public final class PatchSampler {
    private final PatchRecipe recipe;
    private final List<String> classes;
    private final int channels;

    /**
     * @param classes the model's classes; the last one is the negative class
     */
    public PatchSampler(PatchRecipe recipe, List<String> classes, int channels) {
        this.recipe = recipe;
        this.classes = List.copyOf(classes);
        this.channels = channels;
    }

    public List<Patch> sample(AnnotatedImage annotated, BufferedImage image, Random random) {
        String name = annotated.image().getFileName().toString();
        List<Patch> out = new ArrayList<>();
        List<Point> avoid = annotated.features().stream().map(Feature::point).toList();
        // short roots that gave no positive still must not become negatives
        List<Point> structureEnds = annotated.structures().stream().filter(s -> !s.isEmpty()).map(s -> s.get(s.size() - 1)).toList();
        List<Point> exclusion = new ArrayList<>(avoid);
        exclusion.addAll(structureEnds);
        int positives = 0;
        for (Feature f : annotated.features()) {
            int label = classes.indexOf(f.className());
            if (label < 0 || label == classes.size() - 1) {
                continue; // classes this model does not learn
            }
            out.add(cut(image, f.x(), f.y(), label, name));
            positives++;
        }
        int negatives = (int) Math.round(positives * recipe.negativeRatio());
        int hard = (int) Math.round(negatives * recipe.hardNegativeShare());
        List<double[]> segments = segments(annotated.structures());
        double total = segments.stream().mapToDouble(s -> s[4]).sum();
        // hard negatives come from the annotated structure when there is one (roots), else from Harris corners
        List<Point> corners = total > 0 || hard == 0 ? List.of()
                : HarrisCorners.detect(image, 2000, Math.max(2, recipe.crop() / 16));
        int negLabel = classes.size() - 1;
        for (int i = 0; i < negatives; i++) {
            Point p = null;
            for (int attempt = 0; attempt < 200 && p == null; attempt++) {
                Point c;
                if (i < hard && total > 0) {
                    c = onStructure(segments, total, random);
                } else if (i < hard && !corners.isEmpty()) {
                    c = corners.get(random.nextInt(corners.size()));
                } else {
                    c = randomPoint(image, random);
                }
                if (farFrom(c, exclusion)) {
                    p = c;
                }
            }
            if (p != null) {
                out.add(cut(image, p.x(), p.y(), negLabel, name));
            }
        }
        return out;
    }

    private boolean farFrom(Point c, List<Point> points) {
        for (Point q : points) {
            if (c.distance(q) < recipe.exclusionRadius()) {
                return false;
            }
        }
        return true;
    }

    private Point randomPoint(BufferedImage image, Random random) {
        double half = recipe.crop() / 2.0;
        double w = Math.max(1, image.getWidth() - 2 * half);
        double h = Math.max(1, image.getHeight() - 2 * half);
        return new Point(half + random.nextDouble() * w, half + random.nextDouble() * h);
    }

    /** Segments as {x0, y0, x1, y1, length}. */
    private static List<double[]> segments(List<List<Point>> structures) {
        List<double[]> segs = new ArrayList<>();
        for (List<Point> line : structures) {
            for (int i = 1; i < line.size(); i++) {
                Point a = line.get(i - 1);
                Point b = line.get(i);
                double len = a.distance(b);
                if (len > 0) {
                    segs.add(new double[] {a.x(), a.y(), b.x(), b.y(), len});
                }
            }
        }
        return segs;
    }

    /** A point uniformly distributed by arc length over the structure. */
    private static Point onStructure(List<double[]> segs, double total, Random random) {
        double t = random.nextDouble() * total;
        for (double[] s : segs) {
            if (t <= s[4]) {
                double f = t / s[4];
                return new Point(s[0] + f * (s[2] - s[0]), s[1] + f * (s[3] - s[1]));
            }
            t -= s[4];
        }
        double[] s = segs.get(segs.size() - 1);
        return new Point(s[2], s[3]);
    }

    /** Cuts a crop centred at (x, y), scaled to the stored size (area average), replicating edge pixels. */
    public Patch cut(BufferedImage image, double x, double y, int label, String name) {
        int size = recipe.storedSize();
        byte[] px = PatchPixels.crop(image, x, y, recipe.crop(), size, channels);
        return new Patch(px, size, channels, label, name, x, y);
    }
}
