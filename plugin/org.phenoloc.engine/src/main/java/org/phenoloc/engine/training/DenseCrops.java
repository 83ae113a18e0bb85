package org.phenoloc.engine.training;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.localisation.ImageScaling;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.FullyConvolutional;
import org.phenoloc.engine.patches.InputStandardiser;
import org.phenoloc.engine.patches.PatchPixels;

/**
 * Random training crops for {@link DenseTrainer}: each crop is sampled from an annotated image through a random
 * similarity transform (rotation, by default within 20 degrees of upright, left-right flip, scale jitter) with bilinear interpolation, colour-jittered, and
 * labelled cell by cell: a cell is the feature class when its window centre lies within the positive radius of a
 * feature, ignored (mask 0) within the ignore radius, negative elsewhere. Images are held once, at the scale the
 * scanner sees them (shoots halved).
 */
public final class DenseCrops {
    /** An image ready for sampling: packed RGB at scan scale and its features in scan-scale pixels. */
    public record Source(String name, int width, int height, int[] rgb, List<Feature> features,
            List<List<Point>> structures) {
        /** The image as the scanner sees it (for mining). */
        public BufferedImage image() {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, width, height, rgb, 0, width);
            return img;
        }
    }

    /** A mined hard negative: a false detection of an earlier model, in scan-scale pixels of source {@code image}. */
    public record HardNegative(int image, double x, double y) {}

    /** An annotated feature the model missed at the last mining round: feature {@code feature} of source {@code image}. */
    public record MissedFeature(int image, int feature) {}

    private final List<HardNegative> hard = new ArrayList<>();
    private List<MissedFeature> missed = List.of();

    private final Architecture arch;
    private final List<String> classes;
    private final DenseTrainingConfig config;
    private final List<Source> sources;
    private final InputStandardiser standardiser;
    private final int size;

    public DenseCrops(Architecture arch, List<String> classes, DenseTrainingConfig config, List<Source> sources) {
        this.arch = arch;
        this.classes = List.copyOf(classes);
        this.config = config;
        this.sources = List.copyOf(sources);
        this.size = FullyConvolutional.inputSize(arch, config.cells());
        this.standardiser = standardiser(this.sources, arch.channels());
    }

    /** Reads and scales the images (at the task's scan scale). */
    public static List<Source> load(List<AnnotatedImage> images, double imageScale) {
        List<Source> out = new ArrayList<>();
        for (AnnotatedImage a : images) {
            BufferedImage img = ImageFiles.readRgb(a.image());
            out.add(source(a.image().getFileName().toString(), img, a.features(), a.structures(), imageScale));
        }
        return out;
    }

    public static Source source(String name, BufferedImage img, List<Feature> features, double imageScale) {
        return source(name, img, features, List.of(), imageScale);
    }

    /** @param structures annotated centre lines (root polylines), original pixels; may be empty */
    public static Source source(String name, BufferedImage img, List<Feature> features, List<List<Point>> structures,
            double imageScale) {
        BufferedImage s = ImageScaling.scale(img, imageScale);
        int w = s.getWidth();
        int h = s.getHeight();
        int[] rgb = s.getRGB(0, 0, w, h, null, 0, w);
        List<Feature> scaled = features.stream()
                .map(f -> new Feature(f.className(), f.x() * imageScale, f.y() * imageScale)).toList();
        List<List<Point>> lines = structures.stream()
                .map(l -> l.stream().map(p -> new Point(p.x() * imageScale, p.y() * imageScale)).toList()).toList();
        return new Source(name, w, h, rgb, scaled, lines);
    }

    /** Adds mined negatives; from now on a share of the crops is centred on them. */
    public void addHardNegatives(List<HardNegative> mined) {
        hard.addAll(mined);
    }

    /**
     * Replaces the missed features (those of the latest mining round: a feature found again is no longer favoured);
     * from now on a share of the feature crops is centred on them.
     */
    public void setMissedFeatures(List<MissedFeature> now) {
        missed = List.copyOf(now);
    }

    /** Replaces what mining added so far with a checkpoint's: a resumed training draws the crops it would have drawn. */
    public void restoreMining(List<HardNegative> hardNegatives, List<MissedFeature> missedFeatures) {
        hard.clear();
        hard.addAll(hardNegatives);
        missed = List.copyOf(missedFeatures);
    }

    public List<MissedFeature> missedFeatures() {
        return missed;
    }

    public List<HardNegative> hardNegatives() {
        return List.copyOf(hard);
    }

    public List<Source> sources() {
        return sources;
    }

    public InputStandardiser standardiser() {
        return standardiser;
    }

    public int cropSize() {
        return size;
    }

    /** A minibatch of {@code n} crops: NCHW input, one-hot cell labels and the cell mask. */
    public DataSet batch(int n, Random random) {
        int ch = arch.channels();
        int cells = config.cells();
        int k = classes.size();
        float[] x = new float[n * ch * size * size];
        float[] y = new float[n * k * cells * cells];
        float[] m = new float[n * cells * cells];
        for (int b = 0; b < n; b++) {
            // u picks the crop's kind: mined negative (once there are some), on a feature, or anywhere
            double u = random.nextDouble();
            double hardShare = hard.isEmpty() ? 0 : config.hardCropShare();
            HardNegative h = u < hardShare ? hard.get(random.nextInt(hard.size())) : null;
            boolean onFeature = h == null && u < hardShare + config.featureCropShare();
            // a share of the feature crops goes to features missed at the last mining round (none drawn when off)
            MissedFeature miss = onFeature && !missed.isEmpty() && config.missedShare() > 0
                    && random.nextDouble() < config.missedShare() ? missed.get(random.nextInt(missed.size())) : null;
            Source s = sources.get(h != null ? h.image() : miss != null ? miss.image() : random.nextInt(sources.size()));
            Feature centre = miss != null ? s.features().get(miss.feature()) : null;
            Transform t = transform(s, h, onFeature, centre, random);
            render(s, t, random, x, b * ch * size * size);
            label(s, t, y, m, b);
        }
        return new DataSet(Nd4j.create(x, new long[] {n, ch, size, size}, 'c'),
                Nd4j.create(y, new long[] {n, k, cells, cells}, 'c'), null,
                Nd4j.create(m, new long[] {n, 1, cells, cells}, 'c'));
    }

    /** Crop pixel (u, v) (pixel centre) maps to image point centre + a * (u - size/2) + b * (v - size/2). */
    record Transform(double cx, double cy, double ax, double ay, double bx, double by, double half, float contrast,
            float[] shift) {
        double[] toImage(double u, double v) {
            double du = u - half;
            double dv = v - half;
            return new double[] {cx + ax * du + bx * dv, cy + ay * du + by * dv};
        }

        /** Inverse: image point to crop coordinates. */
        double[] toCrop(double px, double py) {
            double det = ax * by - bx * ay;
            double dx = px - cx;
            double dy = py - cy;
            return new double[] {(by * dx - bx * dy) / det + half, (-ay * dx + ax * dy) / det + half};
        }
    }

    /** @param centre the feature to centre a feature crop on (null: one drawn at random) */
    private Transform transform(Source s, HardNegative h, boolean onFeature, Feature centre, Random random) {
        double angle = 0;
        double scale = 1;
        boolean flip = false;
        if (config.augment()) {
            // 180 draws the angle as releases before --rotation did, so their trainings reproduce to the bit
            angle = config.rotationDegrees() >= 180 ? random.nextDouble() * 2 * Math.PI
                    : (random.nextDouble() * 2 - 1) * Math.toRadians(config.rotationDegrees());
            scale = Math.exp((random.nextDouble() * 2 - 1) * Math.log(config.scaleJitter()));
            flip = random.nextBoolean();
        }
        double reach = size / 2.0 * scale;
        double cx;
        double cy;
        List<Feature> fs = s.features();
        if (h != null) {
            double slack = Math.max(0, reach - arch.window() / 2.0 * scale);
            cx = h.x() + (random.nextDouble() * 2 - 1) * slack;
            cy = h.y() + (random.nextDouble() * 2 - 1) * slack;
        } else if (!fs.isEmpty() && onFeature) {
            Feature f = centre != null ? centre : fs.get(random.nextInt(fs.size()));
            double slack = Math.max(0, reach - arch.window() / 2.0 * scale);
            cx = f.x() + (random.nextDouble() * 2 - 1) * slack;
            cy = f.y() + (random.nextDouble() * 2 - 1) * slack;
        } else {
            cx = random.nextDouble() * s.width();
            cy = random.nextDouble() * s.height();
        }
        double cos = Math.cos(angle) * scale;
        double sin = Math.sin(angle) * scale;
        double f = flip ? -1 : 1;
        float contrast = 1f;
        float[] shift = new float[3];
        if (config.augment() && config.colourJitter() > 0) {
            double j = config.colourJitter();
            contrast = (float) (1 + (random.nextDouble() * 2 - 1) * 2 * j);
            double bright = (random.nextDouble() * 2 - 1) * j;
            for (int c = 0; c < 3; c++) {
                shift[c] = (float) (bright + (random.nextDouble() * 2 - 1) * j / 2);
            }
        }
        return new Transform(cx, cy, f * cos, f * sin, -sin, cos, size / 2.0, contrast, shift);
    }

    private void render(Source s, Transform t, Random random, float[] x, int base) {
        int ch = arch.channels();
        int plane = size * size;
        double noise = config.augment() ? config.noise() : 0;
        float[] px = new float[3];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double[] p = t.toImage(u + 0.5, v + 0.5);
                bilinear(s, p[0] - 0.5, p[1] - 0.5, px);
                int o = v * size + u;
                if (ch == 3) {
                    for (int c = 0; c < 3; c++) {
                        float val = PatchPixels.normalise(px[c]) * t.contrast() + t.shift()[c];
                        if (noise > 0) {
                            val += (float) (random.nextGaussian() * noise);
                        }
                        x[base + c * plane + o] = standardiser.apply(c, val);
                    }
                } else {
                    float val = PatchPixels.normalise(PatchPixels.grey(px[0], px[1], px[2])) * t.contrast() + t.shift()[0];
                    if (noise > 0) {
                        val += (float) (random.nextGaussian() * noise);
                    }
                    x[base + o] = standardiser.apply(0, val);
                }
            }
        }
    }

    /** Bilinear RGB at continuous pixel-index coordinates (edges replicated). */
    private static void bilinear(Source s, double fx, double fy, float[] out) {
        int w = s.width();
        int h = s.height();
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        int xa = clamp(x0, w);
        int xb = clamp(x0 + 1, w);
        int ya = clamp(y0, h);
        int yb = clamp(y0 + 1, h);
        int p00 = s.rgb()[ya * w + xa];
        int p01 = s.rgb()[ya * w + xb];
        int p10 = s.rgb()[yb * w + xa];
        int p11 = s.rgb()[yb * w + xb];
        for (int c = 0; c < 3; c++) {
            int sh = 16 - 8 * c;
            double top = ((p00 >> sh) & 0xff) * (1 - ax) + ((p01 >> sh) & 0xff) * ax;
            double bot = ((p10 >> sh) & 0xff) * (1 - ax) + ((p11 >> sh) & 0xff) * ax;
            out[c] = (float) (top * (1 - ay) + bot * ay);
        }
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    private void label(Source s, Transform t, float[] y, float[] m, int b) {
        int cells = config.cells();
        int k = classes.size();
        int negative = k - 1;
        double pos = config.positiveRadius() * arch.window();
        double ign = config.ignoreRadius() * arch.window();
        List<double[]> inCrop = new ArrayList<>(); // {u, v, class}
        double margin = size + ign;
        for (Feature f : s.features()) {
            double[] q = t.toCrop(f.x(), f.y());
            int cls = classes.indexOf(f.className());
            if (cls >= 0 && cls < negative && q[0] > -margin && q[1] > -margin && q[0] < margin && q[1] < margin) {
                inCrop.add(new double[] {q[0], q[1], cls});
            }
        }
        double offset = arch.window() / 2.0;
        int stride = arch.stride();
        List<double[]> segments = config.structureWeight() == 1 ? List.of() : segments(s, t, margin);
        double near = arch.window() / 8.0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                double cu = offset + j * stride;
                double cv = offset + i * stride;
                double best = Double.MAX_VALUE;
                int bestCls = negative;
                for (double[] q : inCrop) {
                    double d = Math.hypot(q[0] - cu, q[1] - cv);
                    if (d < best) {
                        best = d;
                        bestCls = (int) q[2];
                    }
                }
                int cell = i * cells + j;
                int cls = best <= pos ? bestCls : negative;
                boolean ignored = best > pos && best < ign;
                float weight = ignored ? 0f : 1f;
                if (!ignored && cls == negative && !segments.isEmpty() && nearSegment(cu, cv, segments, near)) {
                    weight = (float) config.structureWeight(); // a negative on the root itself: a hard one
                }
                m[b * cells * cells + cell] = weight;
                y[(b * k + cls) * cells * cells + cell] = 1f;
            }
        }
    }

    /** The source's structure segments in crop coordinates {x0, y0, x1, y1}, those reaching into the crop. */
    private static List<double[]> segments(Source s, Transform t, double margin) {
        List<double[]> out = new ArrayList<>();
        for (List<Point> line : s.structures()) {
            for (int k = 1; k < line.size(); k++) {
                double[] a = t.toCrop(line.get(k - 1).x(), line.get(k - 1).y());
                double[] c = t.toCrop(line.get(k).x(), line.get(k).y());
                if (Math.max(a[0], c[0]) > -margin && Math.min(a[0], c[0]) < margin + margin
                        && Math.max(a[1], c[1]) > -margin && Math.min(a[1], c[1]) < margin + margin) {
                    out.add(new double[] {a[0], a[1], c[0], c[1]});
                }
            }
        }
        return out;
    }

    private static boolean nearSegment(double x, double y, List<double[]> segments, double r) {
        for (double[] g : segments) {
            double dx = g[2] - g[0];
            double dy = g[3] - g[1];
            double len2 = dx * dx + dy * dy;
            double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - g[0]) * dx + (y - g[1]) * dy) / len2));
            if (Math.hypot(g[0] + u * dx - x, g[1] + u * dy - y) <= r) {
                return true;
            }
        }
        return false;
    }

    /** Per-channel mean and spread of the images' pixels (a strided sample), as the network input is standardised. */
    private static InputStandardiser standardiser(List<Source> sources, int channels) {
        double[] sum = new double[channels];
        double[] sq = new double[channels];
        long n = 0;
        for (Source s : sources) {
            int[] rgb = s.rgb();
            for (int i = 0; i < rgb.length; i += 7) {
                int p = rgb[i];
                double r = (p >> 16) & 0xff;
                double g = (p >> 8) & 0xff;
                double bl = p & 0xff;
                double[] v = channels == 3 ? new double[] {r, g, bl} : new double[] {PatchPixels.grey(r, g, bl)};
                for (int c = 0; c < channels; c++) {
                    double x = PatchPixels.normalise(v[c]);
                    sum[c] += x;
                    sq[c] += x * x;
                }
                n++;
            }
        }
        return InputStandardiser.fromSums(sum, sq, n);
    }
}
