package org.phenoloc.engine.training;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.Statistics;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.ImageScaling;

/**
 * How wide the annotated structures (roots) are in pixels just behind their tips, measured on the images: the data's
 * resolution, from which dense training derives its default image scale (roots about as wide in pixels after
 * scaling, whatever the camera). Intensity profiles are taken across every annotated polyline at distances behind
 * its tip; a profile's width is the run around the line where the contrast against the profile's background (the
 * median of its outer half) stays above half its peak, with the half-maximum crossings interpolated. The colour
 * channel with the most contrast is used. Roots taper to their tips, so the distances are in units of the width
 * itself: the width is the median over the profiles taken between {@code behindMin} and {@code behindMax} widths
 * behind the tips, solved by fixed-point iteration. Structures wider than a third of the profile's half-length are
 * measured on the image halved (up to three times), so the answer does not depend on the profile length. When no
 * image has polylines (tip points only), each root is traced back from its tip by {@link TipDirection} and measured
 * along that trace instead.
 */
public final class StructureWidth {

    /**
     * @param behindMin   nearest profile behind the tip, in widths (the tip itself tapers)
     * @param behindMax   farthest profile behind the tip, in widths
     * @param halfLength  profile half-length in px of the (possibly halved) image; the outer half is the background
     * @param minContrast grey levels a profile's peak must differ from its background to count
     * @param minProfiles fewer usable profiles than this: no measurement
     * @param maxImages   images measured at most (evenly spread over the list)
     */
    public record Config(double behindMin, double behindMax, double halfLength, double minContrast, int minProfiles,
            int maxImages) {
        public Config {
            if (!(behindMin >= 0) || !(behindMax > behindMin)) {
                throw new BadInputException("structure width: 'behindMin' and 'behindMax' must satisfy 0 <= behindMin"
                        + " < behindMax, got " + behindMin + ", " + behindMax);
            }
            if (!(halfLength >= 4)) {
                throw new BadInputException("structure width: 'halfLength' must be at least 4 px, got " + halfLength);
            }
            if (!(minContrast > 0)) {
                throw new BadInputException("structure width: 'minContrast' must be > 0, got " + minContrast);
            }
            if (minProfiles < 1 || maxImages < 1) {
                throw new BadInputException("structure width: 'minProfiles' and 'maxImages' must be at least 1, got "
                        + minProfiles + ", " + maxImages);
            }
        }

        public static Config defaults() {
            return new Config(1.5, 8, 30, 10, 30, 30);
        }
    }

    /**
     * @param width    median structure width in original-image pixels
     * @param profiles profiles it is the median of
     * @param images   images measured
     * @param channel  colour channel used (red, green or blue)
     * @param traced   measured along the roots traced from the tip points (no image had root lines)
     */
    public record Measurement(double width, int profiles, int images, String channel, boolean traced) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f px (median of %d profiles across the %s channel of %d images%s)",
                    width, profiles, channel, images, traced ? ", along the roots traced from their tip points" : "");
        }
    }

    private static final String[] CHANNELS = {"red", "green", "blue"};
    private static final int LEVELS = 4;
    /** Profiles are taken every STEP px from STEP to FARTHEST px behind each tip; the fit picks its band of them. */
    private static final double STEP = 1;
    private static final double FARTHEST = 80;

    private StructureWidth() {}

    /**
     * The structures' width, or empty when the annotations have neither polylines nor points or too few profiles
     * show contrast. Images with polylines are preferred; without any, the images' annotated points are the tips.
     *
     * @param decode reads an image (the caller's decoder, so errors name the file the caller's way)
     */
    public static Optional<Measurement> measure(List<AnnotatedImage> images, Config config,
            Function<AnnotatedImage, BufferedImage> decode) {
        List<AnnotatedImage> withLines = images.stream().filter(a -> !a.structures().isEmpty()).toList();
        List<AnnotatedImage> chosen = spread(withLines.isEmpty()
                ? images.stream().filter(a -> !a.features().isEmpty()).toList() : withLines, config.maxImages());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        boolean traced = withLines.isEmpty();
        Samples[] perLevel = new Samples[LEVELS];
        for (int level = 0; level < LEVELS; level++) {
            perLevel[level] = new Samples();
        }
        for (AnnotatedImage a : chosen) { // one image decoded at a time: memory of one image and its halvings
            BufferedImage img = decode.apply(a);
            for (int level = 0; level < LEVELS; level++) {
                if (level > 0) {
                    img = ImageScaling.scale(img, 0.5);
                }
                for (List<Point> line : lines(a, img, Math.pow(0.5, level))) {
                    profiles(img, line, config, perLevel[level]);
                }
            }
        }
        for (int level = 0; level < LEVELS; level++) {
            double factor = Math.pow(0.5, level);
            Optional<Measurement> m = perLevel[level].fit(config, chosen.size(), traced, factor);
            if (m.isEmpty() || m.get().width() * factor <= config.halfLength() / 3 || level == LEVELS - 1) {
                return m;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Profiles across one polyline (base to tip) every STEP px behind its tip. */
    private static void profiles(BufferedImage img, List<Point> line, Config c, Samples out) {
        int k = line.size() - 1;
        double walked = 0;
        for (double want = STEP; want <= FARTHEST; want += STEP) {
            while (k > 0 && walked + line.get(k).distance(line.get(k - 1)) < want) {
                walked += line.get(k).distance(line.get(k - 1));
                k--;
            }
            if (k == 0) {
                return; // polyline shorter than this distance
            }
            Point p = line.get(k);
            Point q = line.get(k - 1);
            double seg = p.distance(q);
            double t = (want - walked) / seg;
            double cx = p.x() + (q.x() - p.x()) * t;
            double cy = p.y() + (q.y() - p.y()) * t;
            double nx = -(q.y() - p.y()) / seg;
            double ny = (q.x() - p.x()) / seg;
            for (int ch = 0; ch < 3; ch++) {
                profileWidth(img, ch, cx, cy, nx, ny, c, want, out);
            }
        }
    }

    /** Width of one profile in px, recorded with its distance and contrast; nothing if it leaves the image. */
    private static void profileWidth(BufferedImage img, int ch, double cx, double cy, double nx, double ny, Config c,
            double behind, Samples out) {
        int half = (int) Math.round(2 * c.halfLength()); // half-pixel samples
        double[] prof = new double[2 * half + 1];
        for (int i = 0; i < prof.length; i++) {
            double s = (i - half) / 2.0;
            prof[i] = bilinear(img, ch, cx + nx * s, cy + ny * s);
            if (Double.isNaN(prof[i])) {
                return;
            }
        }
        double[] outer = new double[prof.length];
        int n = 0;
        for (int i = 0; i < prof.length; i++) {
            if (Math.abs(i - half) >= half / 2) {
                outer[n++] = prof[i];
            }
        }
        double bg = Statistics.median(Arrays.copyOf(outer, n));
        int search = (int) Math.round(c.halfLength() / 3); // +-halfLength/6 px around the annotated line
        int best = half;
        double peak = 0;
        for (int i = half - search; i <= half + search; i++) {
            if (Math.abs(prof[i] - bg) > Math.abs(peak)) {
                peak = prof[i] - bg;
                best = i;
            }
        }
        if (Math.abs(peak) < c.minContrast()) {
            return;
        }
        int l = best;
        int r = best;
        while (l > 0 && (prof[l - 1] - bg) / peak >= 0.5) {
            l--;
        }
        while (r < prof.length - 1 && (prof[r + 1] - bg) / peak >= 0.5) {
            r++;
        }
        // half-maximum crossings interpolated between samples (the run [l, r] is above half, its neighbours below)
        double left = l > 0 ? l - crossing(prof, l, l - 1, bg, peak) : l;
        double right = r < prof.length - 1 ? r + crossing(prof, r, r + 1, bg, peak) : r;
        out.add(ch, behind, (right - left) / 2.0, Math.abs(peak));
    }

    /** Fraction of the way from sample {@code in} (above half the peak) to {@code out} (below) where half is crossed. */
    private static double crossing(double[] prof, int in, int out, double bg, double peak) {
        double a = (prof[in] - bg) / peak;
        double b = (prof[out] - bg) / peak;
        return a == b ? 0.5 : (a - 0.5) / (a - b);
    }

    /** Channel ch (0 red, 1 green, 2 blue) at (x, y), bilinear; NaN where the 2x2 neighbourhood leaves the image. */
    static double bilinear(BufferedImage img, int ch, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= img.getWidth() || y0 + 1 >= img.getHeight()) {
            return Double.NaN;
        }
        double fx = x - x0;
        double fy = y - y0;
        int shift = 16 - 8 * ch;
        double a = (img.getRGB(x0, y0) >> shift) & 255;
        double b = (img.getRGB(x0 + 1, y0) >> shift) & 255;
        double d = (img.getRGB(x0, y0 + 1) >> shift) & 255;
        double e = (img.getRGB(x0 + 1, y0 + 1) >> shift) & 255;
        return a * (1 - fx) * (1 - fy) + b * fx * (1 - fy) + d * (1 - fx) * fy + e * fx * fy;
    }

    /**
     * The lines (base to tip) to take profiles across in an image scaled by {@code factor}: its annotated polylines,
     * or, without any, the root behind each annotated point as {@link TipDirection} traces it, up to {@link #FARTHEST}
     * px (points where it finds none are left out).
     */
    private static List<List<Point>> lines(AnnotatedImage a, BufferedImage img, double factor) {
        if (!a.structures().isEmpty()) {
            return a.structures().stream().map(line -> scaled(line, factor)).toList();
        }
        List<List<Point>> out = new ArrayList<>();
        for (var f : a.features()) {
            Point tip = new Point(f.x() * factor, f.y() * factor);
            TipDirection.behind(img, tip, FARTHEST + STEP).ifPresent(out::add);
        }
        return out;
    }

    private static List<Point> scaled(List<Point> line, double factor) {
        return factor == 1 ? line : line.stream().map(p -> new Point(p.x() * factor, p.y() * factor)).toList();
    }

    private static <T> List<T> spread(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) ((long) i * all.size() / max)));
        }
        return out;
    }

    /** Profile widths with their distance behind the tip and contrast, per channel, at one image level. */
    private static final class Samples {
        private final double[][] behind = new double[3][64];
        private final double[][] width = new double[3][64];
        private final int[] size = new int[3];
        private final double[] contrast = new double[3];

        void add(int ch, double distance, double w, double peak) {
            if (size[ch] == behind[ch].length) {
                behind[ch] = Arrays.copyOf(behind[ch], 2 * size[ch]);
                width[ch] = Arrays.copyOf(width[ch], 2 * size[ch]);
            }
            behind[ch][size[ch]] = distance;
            width[ch][size[ch]++] = w;
            contrast[ch] += peak;
        }

        /**
         * The fixed point w = median of the widths between behindMin w and behindMax w behind the tips, in the
         * channel with the most summed contrast; in original pixels.
         */
        Optional<Measurement> fit(Config c, int images, boolean traced, double factor) {
            int ch = 0;
            for (int i = 1; i < 3; i++) {
                if (contrast[i] > contrast[ch]) {
                    ch = i;
                }
            }
            double w = Statistics.median(Arrays.copyOf(width[ch], Math.max(1, size[ch])));
            int used = 0;
            for (int iteration = 0; iteration < 20 && size[ch] > 0; iteration++) {
                double[] band = new double[size[ch]];
                used = 0;
                for (int i = 0; i < size[ch]; i++) {
                    if (behind[ch][i] >= c.behindMin() * w && behind[ch][i] <= c.behindMax() * w) {
                        band[used++] = width[ch][i];
                    }
                }
                if (used == 0) {
                    break;
                }
                double next = Statistics.median(Arrays.copyOf(band, used));
                boolean settled = Math.abs(next - w) < 0.01 * w;
                w = next;
                if (settled) {
                    break;
                }
            }
            if (used < c.minProfiles()) {
                return Optional.empty();
            }
            return Optional.of(new Measurement(w / factor, used, images, CHANNELS[ch], traced));
        }
    }
}
