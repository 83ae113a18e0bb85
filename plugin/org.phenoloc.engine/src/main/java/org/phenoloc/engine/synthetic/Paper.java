package org.phenoloc.engine.synthetic;

import java.util.List;
import java.util.Random;

/**
 * The blue germination paper behind the roots, with the clutter of real pouch images: fibre texture, a crease,
 * condensation, dirt specks and lint, then (over everything) a strip beyond the paper edge, uneven lighting and
 * camera noise. Works on float RGB planes {@code rgb[channel][y * w + x]}.
 */
final class Paper {
    private static final double[] BLUE = {52, 72, 208};
    private static final double[] DIRT = {20, 25, 90};
    private static final double[] PALE = {205, 208, 232};
    private static final double[] MIST = {160, 172, 236};
    private static final double[] BACKING = {22, 24, 32};

    private Paper() {}

    /** Paper with texture and distractors; specks and lint keep {@link RootSystemGenerator#TIP_CLEARANCE} from tips. */
    static float[][] draw(int w, int h, Random rnd, List<double[]> tips) {
        float[][] rgb = new float[3][w * h];
        double[] base = new double[3];
        for (int c = 0; c < 3; c++) {
            base[c] = BLUE[c] + (c == 2 ? 12 : 6) * (2 * rnd.nextDouble() - 1);
        }
        // Paper fibre mottling at a few scales, plus a slow drift in how saturated the blue is.
        ValueNoise coarse = new ValueNoise(w, h, 64, rnd);
        ValueNoise medium = new ValueNoise(w, h, 16, rnd);
        ValueNoise fine = new ValueNoise(w, h, 5, rnd);
        ValueNoise tint = new ValueNoise(w, h, 128, rnd);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double texture = 1 + 0.05 * coarse.at(x, y) + 0.035 * medium.at(x, y) + 0.03 * fine.at(x, y);
                double blue = 1 + 0.03 * tint.at(x, y);
                int i = y * w + x;
                rgb[0][i] = (float) (base[0] * texture);
                rgb[1][i] = (float) (base[1] * texture);
                rgb[2][i] = (float) (base[2] * texture * blue);
            }
        }
        if (rnd.nextDouble() < 0.6) {
            crease(rgb, w, h, rnd);
        }
        int blobs = rnd.nextInt(3);
        for (int k = 0; k < blobs; k++) {
            condensation(rgb, w, h, rnd);
        }
        float[] spots = new float[w * h];
        int dark = (int) Math.round(w * (double) h / 40000 * (0.5 + rnd.nextDouble()));
        for (int k = 0; k < dark; k++) {
            double r = 0.8 + 2.2 * rnd.nextDouble();
            double[] at = awayFromTips(rnd, w, h, tips, r);
            RootSystemGenerator.stampDisc(spots, w, h, at[0], at[1], r, 0.35 + 0.45 * rnd.nextDouble(), false);
        }
        blend(rgb, spots, DIRT);
        float[] lint = new float[w * h];
        int dust = (int) Math.round(w * (double) h / 150000 * (0.5 + rnd.nextDouble()));
        for (int k = 0; k < dust; k++) {
            double r = 0.6 + 0.6 * rnd.nextDouble();
            double[] at = awayFromTips(rnd, w, h, tips, r);
            RootSystemGenerator.stampDisc(lint, w, h, at[0], at[1], r, 0.3 + 0.3 * rnd.nextDouble(), false);
        }
        int fibres = rnd.nextInt(3);
        for (int k = 0; k < fibres; k++) {
            double len = 10 + 20 * rnd.nextDouble();
            double[] at = awayFromTips(rnd, w, h, tips, len + 1);
            double angle = 2 * Math.PI * rnd.nextDouble();
            double bend = 0.08 * rnd.nextGaussian();
            double x = at[0];
            double y = at[1];
            for (double s = 0; s < len; s += 0.5) {
                RootSystemGenerator.stampDisc(lint, w, h, x, y, 0.5, 0.3, false);
                angle += bend * 0.5;
                x += 0.5 * StrictMath.cos(angle);
                y += 0.5 * StrictMath.sin(angle);
            }
        }
        blend(rgb, lint, PALE);
        return rgb;
    }

    /** Paper edge, lighting and camera noise, applied to the composed image (roots included). */
    static void finish(float[][] rgb, int w, int h, Random rnd, Random noiseRnd, double noise) {
        int side = rnd.nextInt(4); // left, right, top, or no edge in view
        if (side < 3) {
            double width = 5 + 10 * rnd.nextDouble(); // stays inside the root margin
            double phase = 2 * Math.PI * rnd.nextDouble();
            float[] edge = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double along = side == 2 ? x : y;
                    double across = side == 0 ? x : side == 1 ? w - 1 - x : y;
                    double limit = width + 1.5 * StrictMath.sin(along / 37 + phase);
                    edge[y * w + x] = (float) SyntheticMath.clamp(limit + 0.5 - (across + 0.5), 0, 1);
                }
            }
            blend(rgb, edge, BACKING);
        }
        double gradient = 0.05 + 0.1 * rnd.nextDouble();
        double direction = 2 * Math.PI * rnd.nextDouble();
        double gx = StrictMath.cos(direction);
        double gy = StrictMath.sin(direction);
        double vignette = 0.1 + 0.2 * rnd.nextDouble();
        double sigma = 20 * noise;
        for (int y = 0; y < h; y++) {
            double v = (y + 0.5) / h - 0.5;
            for (int x = 0; x < w; x++) {
                double u = (x + 0.5) / w - 0.5;
                double light = 1 + gradient * (u * gx + v * gy) - vignette * (u * u + v * v);
                // Mostly luminance noise with a little per-channel (chroma) noise, as from a camera sensor.
                double luma = sigma * 0.8 * noiseRnd.nextGaussian();
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    rgb[c][i] = (float) (rgb[c][i] * light + luma + sigma * 0.6 * noiseRnd.nextGaussian());
                }
            }
        }
    }

    /** A fold line across the paper: a thin shadow on one side, a faint highlight on the other. */
    private static void crease(float[][] rgb, int w, int h, Random rnd) {
        double angle = rnd.nextBoolean() ? StrictMath.toRadians(5 * rnd.nextGaussian())
                : Math.PI / 2 + StrictMath.toRadians(5 * rnd.nextGaussian());
        double nx = -StrictMath.sin(angle);
        double ny = StrictMath.cos(angle);
        double px = w * (0.15 + 0.7 * rnd.nextDouble());
        double py = h * (0.15 + 0.7 * rnd.nextDouble());
        float[] shadow = new float[w * h];
        float[] light = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = (x + 0.5 - px) * nx + (y + 0.5 - py) * ny;
                int i = y * w + x;
                if (d >= 0 && d < 1.5) {
                    shadow[i] = (float) (0.15 * (1 - d / 1.5));
                } else if (d < 0 && d > -2.5) {
                    light[i] = (float) (0.07 * (1 + d / 2.5));
                }
            }
        }
        blend(rgb, shadow, BACKING);
        blend(rgb, light, PALE);
    }

    /** A soft, slightly hazy ellipse with a brighter rim, like a condensation patch on the pouch. */
    private static void condensation(float[][] rgb, int w, int h, Random rnd) {
        double cx = w * rnd.nextDouble();
        double cy = h * rnd.nextDouble();
        double a = 25 + 55 * rnd.nextDouble();
        double b = a * (0.5 + 0.5 * rnd.nextDouble());
        double rot = Math.PI * rnd.nextDouble();
        double cos = StrictMath.cos(rot);
        double sin = StrictMath.sin(rot);
        double strength = 0.1 + 0.12 * rnd.nextDouble();
        float[] haze = new float[w * h];
        int x0 = Math.max(0, (int) (cx - 1.2 * a));
        int x1 = Math.min(w - 1, (int) (cx + 1.2 * a));
        int y0 = Math.max(0, (int) (cy - 1.2 * a));
        int y1 = Math.min(h - 1, (int) (cy + 1.2 * a));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double u = (dx * cos + dy * sin) / a;
                double v = (-dx * sin + dy * cos) / b;
                double rho = Math.sqrt(u * u + v * v);
                double body = 1 - smoothstep(0.75, 1.05, rho);
                double rim = 0.5 * StrictMath.exp(-((rho - 0.95) / 0.05) * ((rho - 0.95) / 0.05));
                haze[y * w + x] = (float) (strength * (body + rim));
            }
        }
        blend(rgb, haze, MIST);
    }

    private static double[] awayFromTips(Random rnd, int w, int h, List<double[]> tips, double radius) {
        double[] at = new double[2];
        for (int attempt = 0; attempt < 50; attempt++) {
            at[0] = w * rnd.nextDouble();
            at[1] = h * rnd.nextDouble();
            boolean clear = true;
            for (double[] t : tips) {
                if (Math.hypot(t[0] - at[0], t[1] - at[1]) < RootSystemGenerator.TIP_CLEARANCE + radius) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                return at;
            }
        }
        return new double[] {-100, -100}; // crowded image: put it off-canvas rather than on a tip
    }

    private static void blend(float[][] rgb, float[] alpha, double[] colour) {
        for (int i = 0; i < alpha.length; i++) {
            float a = Math.min(1, alpha[i]);
            if (a > 0) {
                for (int c = 0; c < 3; c++) {
                    rgb[c][i] = rgb[c][i] * (1 - a) + (float) colour[c] * a;
                }
            }
        }
    }

    private static double smoothstep(double edge0, double edge1, double x) {
        double t = SyntheticMath.clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }

    /** Smoothly interpolated random lattice values in [-1, 1] with the given cell size. */
    private static final class ValueNoise {
        private final double cell;
        private final int gw;
        private final double[] grid;

        ValueNoise(int w, int h, double cell, Random rnd) {
            this.cell = cell;
            this.gw = (int) Math.ceil(w / cell) + 2;
            int gh = (int) Math.ceil(h / cell) + 2;
            grid = new double[gw * gh];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = 2 * rnd.nextDouble() - 1;
            }
        }

        double at(int x, int y) {
            double fx = x / cell;
            double fy = y / cell;
            int ix = (int) fx;
            int iy = (int) fy;
            double tx = smoothstep(0, 1, fx - ix);
            double ty = smoothstep(0, 1, fy - iy);
            double top = grid[iy * gw + ix] * (1 - tx) + grid[iy * gw + ix + 1] * tx;
            double bottom = grid[(iy + 1) * gw + ix] * (1 - tx) + grid[(iy + 1) * gw + ix + 1] * tx;
            return top * (1 - ty) + bottom * ty;
        }
    }
}
