package org.phenoloc.engine.synthetic;

import static org.phenoloc.engine.synthetic.SyntheticMath.byte8;
import static org.phenoloc.engine.synthetic.SyntheticMath.clamp;
import static org.phenoloc.engine.synthetic.SyntheticMath.round3;
import static org.phenoloc.engine.synthetic.SyntheticMath.streamSeed;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.io.AtomicFiles;

/**
 * Draws synthetic root systems that look like the germination-paper images of the paper (pale roots on blue paper)
 * with exact ground truth: primaries grow down from one seed with smooth random curvature, laterals (root order 2
 * and 3) branch off them and bend towards gravity, widths taper to rounded tips, root hairs cover older parts, and
 * the paper has lighting gradients, texture, noise, specks, fibres, condensation, a crease and a paper edge.
 *
 * <p>Everything comes from {@link Random}s seeded by the config and {@link StrictMath}, so the same config gives
 * the same pixels on every JVM.
 */
public final class RootSystemGenerator {
    /** Root centre lines stay at least this far from every image border. */
    public static final int MARGIN = 24;
    /** Roots shorter than this are dropped: the paper only annotated roots longer than half a 32 px window. */
    static final double MIN_ROOT_LENGTH = 30;
    /** Distractors (specks, fibres) keep this far from tips, so the ground truth stays unambiguous. */
    static final double TIP_CLEARANCE = 16;

    private static final int DECIMATE = 5; // keep every 5th 1-px growth step in the output polylines
    private static final double[] ROOT_COLOUR = {228, 224, 210};

    private RootSystemGenerator() {}

    /** One root while generating: its 1-px-step centre line and how to draw it. */
    private record Root(double[] xs, double[] ys, int parent, int depth, double baseRadius, double tipRadius,
            double opacity) {
        double length() {
            return xs.length - 1;
        }

        double radiusAt(double s) {
            return baseRadius + (tipRadius - baseRadius) * s / Math.max(1, length());
        }

        /** Growth direction at step i, as an angle from straight down (positive towards +x). */
        double angleAt(int i) {
            int a = Math.max(0, Math.min(i, xs.length - 2));
            return StrictMath.atan2(xs[a + 1] - xs[a], ys[a + 1] - ys[a]);
        }
    }

    public static SyntheticRootImage generate(RootSystemConfig config) {
        // Independent streams, so e.g. changing the noise level keeps the same roots.
        Random rootRnd = new Random(streamSeed(config.seed(), 1));
        Random hairRnd = new Random(streamSeed(config.seed(), 2));
        Random paperRnd = new Random(streamSeed(config.seed(), 3));
        Random noiseRnd = new Random(streamSeed(config.seed(), 4));
        int w = config.width();
        int h = config.height();

        List<Root> roots = growRootSystem(config, rootRnd);
        List<double[]> tips = new ArrayList<>();
        for (Root r : roots) {
            tips.add(new double[] {r.xs[r.xs.length - 1], r.ys[r.ys.length - 1]});
        }

        float[][] rgb = Paper.draw(w, h, paperRnd, tips);
        float[] alpha = new float[w * h];
        for (Root r : roots) {
            drawRoot(alpha, w, h, r);
        }
        for (Root r : roots) {
            drawHairs(alpha, w, h, r, config.hairDensity(), hairRnd);
        }
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = rgb[c][i] * (1 - a) + (float) ROOT_COLOUR[c] * a;
            }
        }
        Paper.finish(rgb, w, h, paperRnd, noiseRnd, config.noise());

        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] packed = new int[w * h];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (byte8(rgb[0][i]) << 16) | (byte8(rgb[1][i]) << 8) | byte8(rgb[2][i]);
        }
        image.setRGB(0, 0, w, h, packed, 0, w);

        List<List<Point>> polylines = new ArrayList<>();
        List<Point> tipPoints = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        for (Root r : roots) {
            List<Point> line = new ArrayList<>();
            int last = r.xs.length - 1;
            for (int i = 0; i <= last; i++) {
                if (i % DECIMATE == 0 || i == last) {
                    line.add(new Point(round3(r.xs[i]), round3(r.ys[i])));
                }
            }
            polylines.add(line);
            tipPoints.add(line.get(line.size() - 1));
            parents.add(r.parent);
        }
        return new SyntheticRootImage(image, polylines, tipPoints, parents);
    }

    /**
     * Writes {@code count} images {@code synth_000.png} with RSML annotations {@code synth_000.rsml} into
     * {@code dir}; image i uses {@code base} with seed {@code base.seed() + i}. Each file is written atomically.
     */
    public static void writeDataset(Path dir, int count, RootSystemConfig base) throws IOException {
        for (int i = 0; i < count; i++) {
            String stem = String.format(Locale.ROOT, "synth_%03d", i);
            SyntheticRootImage synth = generate(base.withSeed(base.seed() + i));
            AtomicFiles.write(dir.resolve(stem + ".png"), out -> {
                if (!ImageIO.write(synth.image(), "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
            AtomicFiles.writeString(dir.resolve(stem + ".rsml"), SyntheticRsml.toRsml(stem, synth));
        }
    }

    // ---- root architecture ----

    private static List<Root> growRootSystem(RootSystemConfig c, Random rnd) {
        int w = c.width();
        int h = c.height();
        List<Root> roots = new ArrayList<>();
        double seedX = w * (0.35 + 0.3 * rnd.nextDouble());
        double seedY = MARGIN + 4 + rnd.nextDouble() * Math.min(40, 0.05 * h);
        int n = c.primaryRoots();
        for (int k = 0; k < n; k++) {
            // Seminal roots fan out from the seed and then turn down (gravitropism).
            double fan = n == 1 ? 0 : StrictMath.toRadians(-45 + 90.0 * k / (n - 1));
            double theta = fan + StrictMath.toRadians(8) * rnd.nextGaussian();
            double x0 = seedX + 3 * rnd.nextGaussian();
            double y0 = seedY + 2 * rnd.nextDouble();
            double length = (0.55 + 0.4 * rnd.nextDouble()) * (h - MARGIN - y0);
            // Gravitropism first keeps about half the fan angle, then relaxes towards straight down.
            double[][] line = grow(rnd, x0, y0, theta, length, 0.5 * fan, 500, 0.006, w, h);
            double r0 = 2.0 + rnd.nextDouble();
            int index = roots.size();
            roots.add(new Root(line[0], line[1], -1, 1, r0, 0.6 * r0, 0.85));
            addLaterals(roots, index, c.lateralsPerPrimary(), rnd, c);
        }
        return roots;
    }

    /** Adds Poisson(mean) laterals to roots[parentIndex], and recursively order-3 laterals to long order-2 ones. */
    private static void addLaterals(List<Root> roots, int parentIndex, double mean, Random rnd, RootSystemConfig c) {
        Root parent = roots.get(parentIndex);
        if (parent.depth >= 3) {
            return;
        }
        double length = parent.length();
        double from = 0.1 * length;
        double to = length - Math.max(40, 0.2 * length); // no branching near the growing tip, as in real roots
        int count = poisson(rnd, mean);
        if (to <= from || count == 0) {
            return;
        }
        double[] at = new double[count];
        for (int i = 0; i < count; i++) {
            at[i] = from + (to - from) * rnd.nextDouble();
        }
        Arrays.sort(at);
        double previous = Double.NEGATIVE_INFINITY;
        for (double s : at) {
            if (s - previous < 6) {
                continue; // too crowded to tell apart
            }
            previous = s;
            int i = (int) s;
            double side = rnd.nextBoolean() ? 1 : -1;
            double emergence = side * StrictMath.toRadians(55 + 30 * rnd.nextDouble());
            double theta = clamp(parent.angleAt(i) + emergence, -StrictMath.toRadians(100), StrictMath.toRadians(100));
            double setPoint = side * StrictMath.toRadians(45 + 30 * rnd.nextDouble());
            // Older laterals (near the base) had more time to grow.
            double target = Math.min((length - s) * (0.3 + 0.45 * rnd.nextDouble()), 0.5 * c.height());
            if (target < MIN_ROOT_LENGTH) {
                continue;
            }
            double bendLength = 150 + 250 * rnd.nextDouble();
            double[][] line = grow(rnd, parent.xs[i], parent.ys[i], theta, target, setPoint, bendLength, 0.01,
                    c.width(), c.height());
            if (line[0].length - 1 < MIN_ROOT_LENGTH) {
                continue;
            }
            int depth = parent.depth + 1;
            double r0 = depth == 2 ? 1.0 + 0.5 * rnd.nextDouble() : 0.85 + 0.25 * rnd.nextDouble();
            double rTip = Math.max(0.8, (depth == 2 ? 0.7 : 0.85) * r0);
            int index = roots.size();
            roots.add(new Root(line[0], line[1], parentIndex, depth, r0, rTip, depth == 2 ? 0.78 : 0.72));
            double childMean = mean * 0.5 * (line[0].length - 1) / (0.7 * c.height());
            addLaterals(roots, index, childMean, rnd, c);
        }
    }

    /**
     * Grows a centre line in 1 px steps: the curvature is a smoothed random walk, gravitropism pulls the heading
     * towards a set-point angle that relaxes to straight down over {@code bendLength} px, and the root turns away
     * from the side borders. Stops at {@code length} or at the margin. Returns {xs, ys}.
     */
    private static double[][] grow(Random rnd, double x, double y, double theta, double length, double setPoint,
            double bendLength, double gravitropism, int w, int h) {
        int max = (int) Math.ceil(length);
        double[] xs = new double[max + 1];
        double[] ys = new double[max + 1];
        xs[0] = x;
        ys[0] = y;
        double kappa = 0;
        int n = 1;
        for (; n <= max; n++) {
            kappa = 0.9 * kappa + 0.0025 * rnd.nextGaussian();
            double target = bendLength > 0 ? setPoint * StrictMath.exp(-n / bendLength) : setPoint;
            theta += kappa - gravitropism * (theta - target);
            double left = x - MARGIN - 40;
            double right = w - MARGIN - 40 - x;
            if (left < 0) {
                theta += 0.0015 * -left;
            }
            if (right < 0) {
                theta -= 0.0015 * -right;
            }
            double nx = x + StrictMath.sin(theta);
            double ny = y + StrictMath.cos(theta);
            if (nx < MARGIN || nx > w - MARGIN || ny < MARGIN || ny > h - MARGIN) {
                break;
            }
            x = nx;
            y = ny;
            xs[n] = x;
            ys[n] = y;
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    // ---- drawing ----

    /** Stamps discs every half pixel; the last one is centred on the tip, which gives the rounded cap. */
    private static void drawRoot(float[] alpha, int w, int h, Root r) {
        int last = r.xs.length - 1;
        for (int k = 0; k <= 2 * last; k++) {
            int i = Math.min(k / 2, last - 1);
            double t = k / 2.0 - i;
            double cx = last == 0 ? r.xs[0] : r.xs[i] + t * (r.xs[i + 1] - r.xs[i]);
            double cy = last == 0 ? r.ys[0] : r.ys[i] + t * (r.ys[i + 1] - r.ys[i]);
            stampDisc(alpha, w, h, cx, cy, r.radiusAt(k / 2.0), r.opacity, true);
        }
    }

    /** Root hairs: short faint strands roughly perpendicular to the root, only on the mature part. */
    private static void drawHairs(float[] alpha, int w, int h, Root r, double density, Random rnd) {
        double zone = r.depth == 1 ? 40 : 28; // hairless elongation zone behind the tip
        double maxLength = r.depth == 1 ? 10 : 7;
        for (int i = 0; i < r.length() - zone; i++) {
            double ramp = Math.min(1, (r.length() - zone - i) / 60);
            double expected = density * ramp;
            int count = (int) expected + (rnd.nextDouble() < expected - (int) expected ? 1 : 0);
            for (int k = 0; k < count; k++) {
                double side = rnd.nextBoolean() ? 1 : -1;
                double tilt = StrictMath.toRadians(35) * (2 * rnd.nextDouble() - 1);
                double angle = r.angleAt(i) + side * (Math.PI / 2 + tilt);
                double dx = StrictMath.sin(angle);
                double dy = StrictMath.cos(angle);
                double radius = r.radiusAt(i);
                double bx = r.xs[i] + dx * radius;
                double by = r.ys[i] + dy * radius;
                double len = 2 + (maxLength - 2) * rnd.nextDouble();
                double opacity = 0.12 + 0.2 * rnd.nextDouble();
                for (double s = 0; s <= len; s += 0.5) {
                    stampDisc(alpha, w, h, bx + dx * s, by + dy * s, 0.45, opacity, false);
                }
            }
        }
    }

    /**
     * Max-combines an anti-aliased disc into {@code alpha}. Coverage falls off over the disc's edge pixel;
     * {@code tube} shades it like a translucent cylinder (brighter along the centre line).
     */
    static void stampDisc(float[] alpha, int w, int h, double cx, double cy, double r, double opacity, boolean tube) {
        int x0 = Math.max(0, (int) Math.floor(cx - r - 1));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + r + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - r - 1));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + r + 1));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double d = Math.sqrt(dx * dx + dy * dy);
                double coverage = clamp(r + 0.5 - d, 0, 1);
                if (coverage <= 0) {
                    continue;
                }
                double shade = tube ? 0.65 + 0.35 * Math.sqrt(Math.max(0, 1 - (d / r) * (d / r))) : 1;
                float a = (float) (opacity * coverage * shade);
                int idx = y * w + x;
                if (a > alpha[idx]) {
                    alpha[idx] = a;
                }
            }
        }
    }

    // ---- small helpers ----

    static int poisson(Random rnd, double mean) {
        double limit = StrictMath.exp(-mean);
        int k = 0;
        for (double p = rnd.nextDouble(); p > limit && k < 1000; p *= rnd.nextDouble()) {
            k++;
        }
        return k;
    }
}
