package org.phenoloc.engine.synthetic;

import static org.phenoloc.engine.synthetic.SyntheticMath.byte8;
import static org.phenoloc.engine.synthetic.SyntheticMath.clamp;
import static org.phenoloc.engine.synthetic.SyntheticMath.round3;
import static org.phenoloc.engine.synthetic.SyntheticMath.streamSeed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.synthetic.SyntheticShootImage.Kind;
import org.phenoloc.engine.synthetic.SyntheticShootImage.Organ;

/**
 * Draws synthetic side-view shoot images like those of greenhouse imaging booths (cereal or maize plants in pots
 * against a white backdrop) with exact ground truth for the four shoot point classes. Each plant is a stem growing
 * from the soil of its pot, leaves that leave the stem at alternating sides, arch and droop, widen and taper to a
 * pointed tip, and optionally an ear (a textured spike on top of the stem, sometimes awned). The booth has a
 * lighting gradient, side panels with rails and posts, a floor, pot holders, stakes, pot labels, specks, fibres,
 * slight optical blur and camera noise.
 *
 * <p>The ground truth is unambiguous by construction: every feature is at least {@value #MARGIN} px from the image
 * border, features are at least {@value #MIN_FEATURE_DISTANCE} px apart, nothing but its own organ is drawn within
 * a few pixels of a tip, and along the organ's direction the first {@value #CLEAR_AHEAD} px past a tip show only the
 * backdrop. Leaf tips end in a round cap of radius {@value #LEAF_TIP_RADIUS} px (ears {@value #EAR_TIP_RADIUS} px)
 * centred on the feature, so the tip pixel always shows the organ.
 *
 * <p>Everything comes from {@link Random}s seeded by the config, so the same config gives the same pixels (with
 * Java2D's software renderer the pixels are identical within one JVM version; across JVMs anti-aliased edges may
 * differ slightly). The plants use their own streams, so changing the noise level keeps the same plants.
 */
public final class ShootGenerator {
    /** Every feature is at least this far (px) from every image border. */
    public static final int MARGIN = 48;
    /** Features (of any class) are at least this far apart (px). */
    public static final double MIN_FEATURE_DISTANCE = 8;
    /** Px past a tip, along the organ's direction at the tip, that show only the backdrop. */
    public static final double CLEAR_AHEAD = 12;
    static final double LEAF_TIP_RADIUS = 1.4;
    static final double EAR_TIP_RADIUS = 2.0;
    /** Specks and fibres keep this far from tips and from the clear zone past them. */
    static final double TIP_CLEARANCE = 14;

    private static final int ATTEMPTS = 400; // per organ
    private static final int LAYOUTS = 25; // whole layouts tried before giving up
    /**
     * Leaf nodes are spread over segments of at least this length (px) along the stem, each node in the middle 30%
     * of its segment, so leaf bases are at least {@code 0.7 * MIN_NODE_SEGMENT} apart whatever their sides.
     */
    static final double MIN_NODE_SEGMENT = 13;
    private static final double[] BEYOND = {5.5, 7, 8.5, 10, 11.5}; // centres of the clear squares past a tip
    private static final double BEYOND_HALF = 2.5;
    private static final double CORE_HALF = 4.5;
    private static final double OTHERS_PAD = 1; // other organs' strokes and anti-aliasing reach this much further

    private static final Color DARK_GREEN = new Color(40, 92, 38);
    private static final Color MID_GREEN = new Color(88, 138, 52);
    private static final Color YELLOW_GREEN = new Color(162, 170, 64);
    private static final Color EAR_GREEN = new Color(100, 140, 58);
    private static final Color EAR_GOLD = new Color(182, 170, 92);

    private ShootGenerator() {}

    // ---- geometry records ----

    /** A centre line (about 1 px steps) with half widths; points before {@code start} lie hidden in the stem. */
    private record Line(double[] xs, double[] ys, double[] hw, int start) {
        int last() {
            return xs.length - 1;
        }

        Point2D tip() {
            return new Point2D.Double(xs[last()], ys[last()]);
        }

        /** Unit direction at the tip. */
        double[] tipDirection() {
            int n = last();
            int k = Math.max(start, n - 3);
            double dx = xs[n] - xs[k];
            double dy = ys[n] - ys[k];
            double len = Math.hypot(dx, dy);
            return new double[] {dx / len, dy / len};
        }

        Organ organ(Kind kind, int plant) {
            List<Point> line = new ArrayList<>();
            List<Double> widths = new ArrayList<>();
            for (int i = start; i < xs.length; i++) {
                line.add(new Point(round3(xs[i]), round3(ys[i])));
                widths.add(round3(hw[i]));
            }
            return new Organ(kind, plant, line, widths);
        }
    }

    /** No room for an organ: start the layout again. */
    private static final class LayoutFailed extends RuntimeException {
        LayoutFailed() {
            super(null, null, false, false);
        }
    }

    private record Ear(Line line, List<Shape> awns, boolean awned) {}

    private record Stake(Shape shape, boolean bamboo) {}

    /** The booth: backdrop interior between the rails, floor, and the frame parts that are clutter. */
    private record Booth(double left, double right, double floorY, double floorRail, boolean frame, double railW,
            double postW, double barY, double barH, double topBar, List<Shape> occluders) {}

    /** The plants laid out with their leaves, and what they occupy (for keeping the clutter off the tips). */
    private record Layout(List<Plant> plants, Occupancy occ) {}

    private static final class Plant {
        final int index;
        double potX;
        double potTopW;
        double potBottomW;
        double rimY;
        double potBottomY;
        double holderBottomY;
        double floorY;
        boolean label;
        Line stem;
        double[] nodes = new double[0];
        int[] sides = new int[0];
        Ear ear;
        Stake stake;
        double leafWidth;
        double leafLength;
        final List<Line> leaves = new ArrayList<>();

        Plant(int index) {
            this.index = index;
        }
    }

    /** What has been placed so far, for keeping tips clear. */
    private static final class Occupancy {
        final List<Shape> shapes = new ArrayList<>();
        final List<Rectangle2D> zones = new ArrayList<>(); // every tip's core and clear squares, padded
        final List<Point2D> features = new ArrayList<>();
        final List<double[]> clearPoints = new ArrayList<>(); // tips and points CLEAR_AHEAD/2 past them
        final List<Rectangle2D> reserved = new ArrayList<>(); // where leaves are still to leave their stems

        boolean fits(List<Shape> parts, List<Rectangle2D> ownBeyond, Rectangle2D ownCore, List<Point2D> points) {
            return fits(parts, ownBeyond, ownCore, points, null);
        }

        /**
         * Whether an organ made of {@code parts} fits: it must not enter another tip's zones, its own clear squares
         * must stay off itself, everything placed and the reserved leaf bases (but {@code exempt}), and its
         * features must keep their distance.
         */
        boolean fits(List<Shape> parts, List<Rectangle2D> ownBeyond, Rectangle2D ownCore, List<Point2D> points,
                Rectangle2D exempt) {
            for (Shape s : parts) {
                Rectangle2D bounds = s.getBounds2D();
                for (Rectangle2D z : zones) {
                    if (bounds.intersects(z) && s.intersects(z)) {
                        return false;
                    }
                }
                for (Rectangle2D z : ownBeyond) {
                    if (bounds.intersects(z) && s.intersects(z)) {
                        return false;
                    }
                }
            }
            List<Rectangle2D> own = new ArrayList<>(ownBeyond);
            if (ownCore != null) {
                own.add(ownCore);
            }
            for (Rectangle2D r : reserved) {
                if (r != exempt) {
                    for (Rectangle2D z : own) {
                        if (r.intersects(z)) {
                            return false;
                        }
                    }
                }
            }
            for (Shape s : shapes) {
                Rectangle2D bounds = s.getBounds2D();
                for (Rectangle2D z : own) {
                    Rectangle2D padded = pad(z, OTHERS_PAD);
                    if (bounds.intersects(padded) && s.intersects(padded)) {
                        return false;
                    }
                }
            }
            for (Point2D p : points) {
                for (Point2D q : features) {
                    if (p.distance(q) < MIN_FEATURE_DISTANCE) {
                        return false;
                    }
                }
            }
            return true;
        }

        void add(List<Shape> parts, Line tipLine, List<Rectangle2D> ownBeyond, Rectangle2D ownCore,
                List<Point2D> points) {
            shapes.addAll(parts);
            for (Rectangle2D z : ownBeyond) {
                zones.add(pad(z, OTHERS_PAD));
            }
            if (ownCore != null) {
                zones.add(pad(ownCore, OTHERS_PAD));
            }
            features.addAll(points);
            if (tipLine != null) {
                double[] d = tipLine.tipDirection();
                Point2D t = tipLine.tip();
                clearPoints.add(new double[] {t.getX(), t.getY()});
                clearPoints.add(new double[] {t.getX() + d[0] * CLEAR_AHEAD / 2, t.getY() + d[1] * CLEAR_AHEAD / 2});
                clearPoints.add(new double[] {t.getX() + d[0] * CLEAR_AHEAD, t.getY() + d[1] * CLEAR_AHEAD});
            }
        }

        boolean nearTip(double x, double y, double extra) {
            for (double[] p : clearPoints) {
                if (Math.hypot(p[0] - x, p[1] - y) < TIP_CLEARANCE + extra) {
                    return true;
                }
            }
            return false;
        }
    }

    // ---- public API ----

    /** Generates one image with its ground truth. */
    public static SyntheticShootImage generate(ShootConfig config) {
        // Independent streams, so e.g. changing the noise level keeps the same plants and backdrop.
        Random sceneRnd = new Random(streamSeed(config.seed(), 11));
        Random shadeRnd = new Random(streamSeed(config.seed(), 14));
        Random clutterRnd = new Random(streamSeed(config.seed(), 15));
        Random noiseRnd = new Random(streamSeed(config.seed(), 16));
        int w = config.width();
        int h = config.height();
        double sc = Math.min(w, h) / 640.0;

        Booth booth = booth(config, sceneRnd, sc);
        Layout layout = layOut(config, booth, sc);

        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        drawBackdrop(px, w, h, booth, sceneRnd);
        drawScene(image, config, booth, layout, shadeRnd, clutterRnd, sc);
        soften(px, w, h, 0.3 + 0.6 * sceneRnd.nextDouble());
        addNoise(px, config.noise(), noiseRnd);
        return groundTruth(image, layout.plants());
    }

    /**
     * Lays out the plants (pots, stems, ears, stakes) and then their leaves, each layout from its own plant and leaf
     * streams. A crowded layout may leave no room for some tip; then the plants are laid out afresh, up to
     * {@value #LAYOUTS} times.
     *
     * @throws BadInputException if no layout has room for every tip
     */
    private static Layout layOut(ShootConfig config, Booth booth, double sc) {
        for (int layout = 0; ; layout++) {
            Random plantRnd = new Random(streamSeed(config.seed(), 12 + 100L * layout));
            Random leafRnd = new Random(streamSeed(config.seed(), 13 + 100L * layout));
            Occupancy occ = new Occupancy();
            occ.shapes.addAll(booth.occluders());
            try {
                List<Plant> placed = placePlants(config, booth, plantRnd, occ, sc);
                placeLeaves(config, placed, leafRnd, occ);
                return new Layout(placed, occ);
            } catch (LayoutFailed e) {
                if (layout + 1 >= LAYOUTS) {
                    throw new BadInputException("synthetic shoot layout: no room for " + config.leavesPerPlant()
                            + " leaves on each of " + config.plants() + " plants in " + config.width() + "x"
                            + config.height() + " px with clear tips (seed " + config.seed() + "); use fewer"
                            + " leaves or plants or a larger image");
                }
            }
        }
    }

    /**
     * Draws everything over the backdrop, anti-aliased: the booth frame, pots, stakes, the plants, then specks and
     * fibres away from the tips. Shades come from {@code shadeRnd}, clutter from {@code clutterRnd}.
     */
    private static void drawScene(BufferedImage image, ShootConfig config, Booth booth, Layout layout,
            Random shadeRnd, Random clutterRnd, double sc) {
        int w = image.getWidth();
        int h = image.getHeight();
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            drawFrame(g, w, h, booth, sc);
            for (Plant p : layout.plants()) {
                drawPot(g, p, sc, shadeRnd);
            }
            for (Plant p : layout.plants()) {
                if (p.stake != null) {
                    drawStake(g, p.stake);
                }
            }
            drawPlants(g, layout.plants(), shadeRnd);
            drawClutter(g, w, h, config.clutter(), layout.occ(), clutterRnd, sc);
        } finally {
            g.dispose();
        }
    }

    /** Each plant's colour, then all stems, all leaves and all ears, in that order (later ones on top). */
    private static void drawPlants(Graphics2D g, List<Plant> plants, Random shadeRnd) {
        List<Color> plantColours = new ArrayList<>();
        for (Plant p : plants) {
            Color c = mix(DARK_GREEN, MID_GREEN, shadeRnd.nextDouble());
            plantColours.add(mix(c, YELLOW_GREEN, 0.45 * shadeRnd.nextDouble() * shadeRnd.nextDouble()));
        }
        for (Plant p : plants) {
            drawStem(g, p, plantColours.get(p.index));
        }
        for (Plant p : plants) {
            for (Line leaf : p.leaves) {
                drawLeaf(g, leaf, plantColours.get(p.index), shadeRnd);
            }
        }
        for (Plant p : plants) {
            if (p.ear != null) {
                drawEar(g, p.ear, shadeRnd);
            }
        }
    }

    /** The image with its features (ear base and tip, then each leaf's base and tip, plant by plant) and organs. */
    private static SyntheticShootImage groundTruth(BufferedImage image, List<Plant> plants) {
        List<Feature> features = new ArrayList<>();
        List<Organ> organs = new ArrayList<>();
        for (Plant p : plants) {
            organs.add(p.stem.organ(Kind.STEM, p.index));
            if (p.ear != null) {
                Organ ear = p.ear.line().organ(Kind.EAR, p.index);
                organs.add(ear);
                features.add(feature(SyntheticShootImage.EAR_BASE, ear.base()));
                features.add(feature(SyntheticShootImage.EAR_TIP, ear.tip()));
            }
            for (Line leaf : p.leaves) {
                Organ organ = leaf.organ(Kind.LEAF, p.index);
                organs.add(organ);
                features.add(feature(SyntheticShootImage.LEAF_BASE, organ.base()));
                features.add(feature(SyntheticShootImage.LEAF_TIP, organ.tip()));
            }
        }
        return new SyntheticShootImage(image, features, organs);
    }

    /**
     * Writes {@code count} images {@code shoot_000.png}, {@code shoot_001.png}, ... into {@code dir} and one
     * {@code points.csv} ({@code image,class,x,y}, one row per feature) for all of them; image i uses {@code base}
     * with seed {@code base.seed() + i}. Every file is written atomically, the CSV last.
     *
     * @return the written images with their ground truth (structures = organ centre lines)
     */
    public static List<AnnotatedImage> writeDataset(Path dir, int count, ShootConfig base) throws IOException {
        if (count < 0) {
            throw new BadInputException("synthetic shoot image count must be >= 0, got " + count);
        }
        Path csv = dir.resolve("points.csv");
        StringBuilder rows = new StringBuilder("image,class,x,y\n");
        List<AnnotatedImage> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "shoot_%03d.png", i);
            SyntheticShootImage synth = generate(base.withSeed(base.seed() + i));
            Path file = dir.resolve(name);
            ImageFiles.writePng(file, synth.image());
            for (Feature f : synth.features()) {
                rows.append(name).append(',').append(f.className()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f,%.3f", f.x(), f.y())).append('\n');
            }
            written.add(synth.annotated(file, csv));
        }
        AtomicFiles.writeString(csv, rows.toString());
        return List.copyOf(written);
    }

    // ---- layout ----

    private static Booth booth(ShootConfig c, Random rnd, double sc) {
        int w = c.width();
        int h = c.height();
        double floorY = h * (0.9 - 0.035 * rnd.nextDouble());
        double leftFrac = 0.035 + 0.05 * rnd.nextDouble();
        double rightFrac = 0.035 + 0.05 * rnd.nextDouble();
        double railW = Math.max(4, 9 * sc);
        double postW = Math.max(3, (5 + 4 * rnd.nextDouble()) * sc);
        double barY = h * (0.22 + 0.25 * rnd.nextDouble());
        double barH = Math.max(4, 8 * sc);
        double topBar = (6 + 10 * rnd.nextDouble()) * sc;
        double floorRail = Math.max(3, 6 * sc);
        boolean frame = c.clutter() > 0;
        List<Shape> occluders = new ArrayList<>();
        double left = 0;
        double right = w;
        if (frame) {
            left = w * leftFrac;
            right = w - w * rightFrac;
            occluders.add(new Rectangle2D.Double(left - railW - postW, 0, railW + postW, floorY));
            occluders.add(new Rectangle2D.Double(right, 0, railW + postW, floorY));
            occluders.add(new Rectangle2D.Double(0, barY, left, barH));
            occluders.add(new Rectangle2D.Double(right, barY, w - right, barH));
            occluders.add(new Rectangle2D.Double(0, 0, w, topBar));
        }
        occluders.add(new Rectangle2D.Double(0, floorY, w, h - floorY));
        return new Booth(left, right, floorY, floorRail, frame, railW, postW, barY, barH, topBar, occluders);
    }

    private static List<Plant> placePlants(ShootConfig c, Booth booth, Random rnd, Occupancy occ, double sc) {
        int n = c.plants();
        double lo = Math.max(booth.left(), MARGIN) + 12 * sc;
        double hi = Math.min(booth.right(), c.width() - MARGIN) - 12 * sc;
        double slot = (hi - lo) / n;
        List<Plant> plants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Plant p = new Plant(i);
            p.potX = lo + (i + 0.5 + 0.2 * (rnd.nextDouble() - 0.5)) * slot;
            p.potTopW = Math.min(0.72 * slot, (44 + 22 * rnd.nextDouble()) * sc);
            p.potBottomW = p.potTopW * (0.78 + 0.1 * rnd.nextDouble());
            double potH = p.potTopW * (0.95 + 0.25 * rnd.nextDouble());
            double holderH = (9 + 6 * rnd.nextDouble()) * sc;
            p.floorY = booth.floorY();
            p.holderBottomY = booth.floorY() + (c.height() - booth.floorY()) * (0.35 + 0.2 * rnd.nextDouble());
            p.potBottomY = p.holderBottomY - holderH;
            p.rimY = p.potBottomY - potH;
            double labelDraw = rnd.nextDouble();
            p.label = labelDraw < 0.6 * c.clutter();
            occ.shapes.add(new Rectangle2D.Double(p.potX - p.potTopW / 2 - 2, p.rimY - 2, p.potTopW + 4,
                    p.holderBottomY - p.rimY + 2));
            plants.add(p);
        }
        for (Plant p : plants) {
            growStemAndEar(c, p, slot, rnd, occ, sc);
        }
        return plants;
    }

    /**
     * Grows the plant's stem from the soil of its pot, with its ear if it gets one and a stake if the clutter asks for
     * one, trying new stems (each a little shorter) until one fits; records them in {@code occ}.
     *
     * @throws LayoutFailed if no stem fits in {@value #ATTEMPTS} attempts
     */
    private static void growStemAndEar(ShootConfig c, Plant p, double slot, Random rnd, Occupancy occ, double sc) {
        double soilY = p.rimY + 1.5 * sc;
        StemPlan plan = StemPlan.draw(c, rnd, sc);
        p.leafWidth = plan.leafWidth();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StemDraft stem = draftStem(c, p, plan, slot, soilY, Math.pow(0.98, attempt), rnd, sc);
            if (!insideX(stem.line(), MARGIN + 4, c.width() - MARGIN - 4)) {
                continue;
            }
            List<Shape> stemParts = List.of(outline(stem.line(), false));
            if (!occ.fits(stemParts, List.of(), null, List.of())) {
                continue;
            }
            EarFit ear = null;
            if (plan.wantsEar()) {
                ear = fitEar(c, stem, plan.awned(), stemParts, rnd, occ, sc);
                if (ear == null) {
                    continue;
                }
            }
            Stake stake = stake(c, plan, stem, soilY, occ, sc);
            occ.add(stemParts, null, List.of(), null, List.of());
            if (ear != null) {
                occ.add(ear.parts(), ear.ear().line(), ear.beyond(), ear.core(), ear.points());
            }
            if (stake != null) {
                occ.shapes.add(stake.shape());
            }
            p.stem = stem.line();
            p.ear = ear == null ? null : ear.ear();
            p.stake = stake;
            p.leafLength = Math.min(0.55 * Math.min(c.width(), c.height()),
                    Math.max(30 * sc, stem.length() * (0.45 + 0.35 * rnd.nextDouble())));
            return;
        }
        throw new LayoutFailed();
    }

    /**
     * What a plant draws once, before its stem attempts: whether it wants an ear, its stake, leaf width, awns, stem
     * width and height.
     *
     * @param stakeDraw     the plant gets a stake (if it fits) where this is below {@code 0.7 * clutter}
     * @param stakeSide     -1 or 1: the side of the stem the stake stands on
     * @param stemHalfWidth the stem's half width at the soil
     * @param heightFrac    the stem's share of the height available above the soil
     */
    private record StemPlan(boolean wantsEar, double stakeDraw, double stakeSide, double stakeOffset,
            double stakeFrac, boolean bamboo, double leafWidth, boolean awned, double stemHalfWidth,
            double heightFrac) {

        /** Draws the plan from {@code rnd}, in this order. */
        static StemPlan draw(ShootConfig c, Random rnd, double sc) {
            boolean wantsEar = rnd.nextDouble() < c.earProbability();
            double stakeDraw = rnd.nextDouble();
            double stakeSide = rnd.nextBoolean() ? 1 : -1;
            double stakeOffset = (7 + 7 * rnd.nextDouble()) * sc;
            double stakeFrac = 0.3 + 0.4 * rnd.nextDouble();
            boolean bamboo = rnd.nextDouble() < 0.6;
            double leafWidth = Math.max(1.7, (2.0 + 4.2 * rnd.nextDouble()) * sc);
            boolean awned = rnd.nextDouble() < 0.5;
            double sw0 = Math.max(1.9, (2.6 + 1.8 * rnd.nextDouble()) * sc);
            double heightFrac = 0.5 + 0.42 * rnd.nextDouble();
            return new StemPlan(wantsEar, stakeDraw, stakeSide, stakeOffset, stakeFrac, bamboo, leafWidth, awned, sw0,
                    heightFrac);
        }
    }

    /**
     * One attempt's stem before the placement checks.
     *
     * @param x0        where it leaves the soil
     * @param length    its length grown (before a stem without ear is cut above its youngest leaf)
     * @param earLength the length of its ear (0 without)
     */
    private record StemDraft(Line line, double x0, double length, double earLength) {}

    /**
     * Draws one attempt's stem of {@code shrink} times the planned height (at least room for its leaf nodes and
     * stalk) and places its leaf nodes on {@code p}; a stem without ear ends a little above its youngest leaf.
     */
    private static StemDraft draftStem(ShootConfig c, Plant p, StemPlan plan, double slot, double soilY,
            double shrink, Random rnd, double sc) {
        int k = c.leavesPerPlant();
        double available = soilY - MARGIN - 4;
        boolean wantsEar = plan.wantsEar();
        double earLen = wantsEar ? Math.max(16, Math.min((30 + 35 * rnd.nextDouble()) * sc, 0.25 * available)) : 0;
        double pedLen = wantsEar ? (14 + 22 * rnd.nextDouble()) * sc : 0;
        double minStem = (k * MIN_NODE_SEGMENT + 4 + pedLen) / 0.92 + 2;
        double stemLen = Math.max(minStem, (available - earLen - 6) * plan.heightFrac() * shrink);
        if (stemLen + earLen + 6 > available) { // ShootConfig.maxLeaves should prevent this
            throw new IllegalStateException("synthetic shoot image too small for " + k + " leaves per plant ("
                    + c.width() + "x" + c.height() + ")");
        }
        double x0 = p.potX + 2 * sc * rnd.nextGaussian();
        Line stem = growStem(rnd, x0, soilY, stemLen, plan.stemHalfWidth(), wantsEar ? pedLen : 0, p.potX, slot);
        placeNodes(p, stem, k, pedLen, rnd);
        if (!wantsEar && k > 0) {
            // the stem ends a little above its youngest leaf
            int end = Math.min(stem.last(), (int) Math.ceil(p.nodes[k - 1] + 3 + 6 * rnd.nextDouble()));
            stem = new Line(Arrays.copyOf(stem.xs(), end + 1), Arrays.copyOf(stem.ys(), end + 1),
                    Arrays.copyOf(stem.hw(), end + 1), 0);
        }
        return new StemDraft(stem, x0, stemLen, earLen);
    }

    /** An ear that fits, with what it adds to the occupancy. */
    private record EarFit(Ear ear, List<Shape> parts, List<Rectangle2D> beyond, Rectangle2D core,
            List<Point2D> points) {}

    /**
     * Grows the ear on top of {@code stem}; null where its base or tip is too close to the image border, or where it
     * does not fit or the stem reaches into its clear zone.
     */
    private static EarFit fitEar(ShootConfig c, StemDraft stem, boolean awned, List<Shape> stemParts, Random rnd,
            Occupancy occ, double sc) {
        Ear ear = growEar(rnd, stem.line(), stem.earLength(), Math.max(3, (4 + 3 * rnd.nextDouble()) * sc), awned);
        Line line = ear.line();
        if (!featureInside(line.tip(), c.width(), c.height())
                || !featureInside(new Point2D.Double(line.xs()[0], line.ys()[0]), c.width(), c.height())) {
            return null;
        }
        List<Shape> parts = new ArrayList<>(ear.awns());
        parts.add(0, outline(line, true));
        List<Rectangle2D> beyond = beyondZones(line);
        Rectangle2D core = coreZone(line);
        List<Point2D> points = List.of(new Point2D.Double(line.xs()[0], line.ys()[0]), line.tip());
        List<Shape> all = new ArrayList<>(parts);
        all.addAll(stemParts);
        // the stem must not reach into the ear's clear zone either
        return occ.fits(all, beyond, core, points) ? new EarFit(ear, parts, beyond, core, points) : null;
    }

    /** The stake beside the stem where the plan's clutter draw asks for one and it fits; otherwise null. */
    private static Stake stake(ShootConfig c, StemPlan plan, StemDraft stem, double soilY, Occupancy occ,
            double sc) {
        if (plan.stakeDraw() >= 0.7 * c.clutter()) {
            return null;
        }
        double sx = stem.x0() + plan.stakeSide() * plan.stakeOffset();
        double top = soilY - stem.length() * plan.stakeFrac();
        double sw = Math.max(2, 3 * sc);
        Shape s = new Rectangle2D.Double(sx - sw / 2, top, sw, soilY - top);
        return occ.fits(List.of(s), List.of(), null, List.of()) ? new Stake(s, plan.bamboo()) : null;
    }

    /** Stem from the soil upwards with a slight lean and wander, kept within its slot. */
    private static Line growStem(Random rnd, double x, double y, double length, double sw0, double pedLen,
            double centre, double slot) {
        int n = (int) Math.ceil(length);
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        double[] hw = new double[n + 1];
        double theta = StrictMath.toRadians(4) * rnd.nextGaussian(); // from vertical, positive = right
        double kappa = 0;
        double sw1 = Math.max(1.3, 0.45 * sw0);
        double pedW = Math.max(1.2, 0.38 * sw0);
        for (int i = 0; i <= n; i++) {
            xs[i] = x;
            ys[i] = y;
            double u = (double) i / n;
            double w = sw0 + (sw1 - sw0) * Math.pow(u, 0.8);
            if (pedLen > 0 && i > n - pedLen) {
                double v = Math.min(1, (i - (n - pedLen)) / 6.0);
                w = w + (pedW - w) * v;
            }
            hw[i] = w;
            kappa = 0.95 * kappa + 0.0006 * rnd.nextGaussian();
            theta += kappa - 0.02 * theta;
            double off = x - centre;
            theta -= 0.0004 * off * Math.max(0, Math.abs(off) - 0.2 * slot) / Math.max(1, Math.abs(off));
            theta = clamp(theta, -0.3, 0.3);
            x += StrictMath.sin(theta);
            y -= StrictMath.cos(theta);
        }
        return new Line(xs, ys, hw, 0);
    }

    /** Leaf nodes spread along the stem below the stalk, with alternating sides (sometimes not). */
    private static void placeNodes(Plant p, Line stem, int k, double pedLen, Random rnd) {
        int n = stem.last();
        double a = 0.05 * n + 4;
        double b = pedLen > 0 ? n - pedLen : 0.97 * n;
        double seg = (b - a) / Math.max(1, k);
        p.nodes = new double[k];
        p.sides = new int[k];
        int side = rnd.nextBoolean() ? 1 : -1;
        for (int j = 0; j < k; j++) {
            p.nodes[j] = a + (j + 0.35 + 0.3 * rnd.nextDouble()) * seg;
            p.sides[j] = side;
            if (rnd.nextDouble() < 0.85) {
                side = -side;
            }
        }
    }

    private static Ear growEar(Random rnd, Line stem, double length, double halfWidth, boolean awned) {
        int m = stem.last();
        double dx = stem.xs()[m] - stem.xs()[m - 3];
        double dy = stem.ys()[m] - stem.ys()[m - 3];
        double alpha = StrictMath.atan2(dx, -dy) + StrictMath.toRadians(6) * rnd.nextGaussian();
        double bend = StrictMath.toRadians(8) * rnd.nextGaussian() / length;
        int n = (int) Math.ceil(length);
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        double[] hw = new double[n + 1];
        double x = stem.xs()[m];
        double y = stem.ys()[m];
        double minF = EAR_TIP_RADIUS / halfWidth;
        for (int i = 0; i <= n; i++) {
            xs[i] = x;
            ys[i] = y;
            double u = (double) i / n;
            double f;
            if (u < 0.15) {
                f = 0.6 + 0.4 * u / 0.15;
            } else if (u < 0.7) {
                f = 1;
            } else {
                f = 1 - (1 - minF) * Math.pow((u - 0.7) / 0.3, 1.5);
            }
            hw[i] = i == n ? EAR_TIP_RADIUS : Math.max(EAR_TIP_RADIUS, halfWidth * f);
            alpha += bend;
            x += StrictMath.sin(alpha);
            y -= StrictMath.cos(alpha);
        }
        Line line = new Line(xs, ys, hw, 0);
        List<Shape> awns = new ArrayList<>();
        if (awned) {
            BasicStroke stroke = new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            double step = Math.max(3, 0.9 * halfWidth);
            int side = 1;
            for (double s = 0.12 * n; s <= 0.8 * n; s += step) {
                int i = (int) s;
                double[] t = tangent(line, i);
                double spread = StrictMath.toRadians(12 + 18 * rnd.nextDouble());
                double ang = side * spread;
                double ax = t[0] * StrictMath.cos(ang) - t[1] * StrictMath.sin(ang);
                double ay = t[0] * StrictMath.sin(ang) + t[1] * StrictMath.cos(ang);
                // awns never reach past the ear tip along the ear
                double len = Math.min((1.2 + 1.6 * rnd.nextDouble()) * halfWidth * 2,
                        (n - 3 - s) / StrictMath.cos(spread));
                double bx = xs[i] - t[1] * side * hw[i] * 0.6; // (-ty, tx) is the normal to the right
                double by = ys[i] + t[0] * side * hw[i] * 0.6;
                if (len >= 3) {
                    awns.add(stroke.createStrokedShape(new Line2D.Double(bx, by, bx + ax * len, by + ay * len)));
                }
                side = -side;
            }
        }
        return new Ear(line, awns, awned);
    }

    private static void placeLeaves(ShootConfig c, List<Plant> plants, Random rnd, Occupancy occ) {
        int k = c.leavesPerPlant();
        List<List<Rectangle2D>> reservations = new ArrayList<>();
        for (Plant p : plants) {
            List<Rectangle2D> boxes = new ArrayList<>();
            for (double node : p.nodes) {
                boxes.add(nodeBox(p.stem, node));
            }
            occ.reserved.addAll(boxes);
            reservations.add(boxes);
        }
        for (int j = 0; j < k; j++) {
            for (Plant p : plants) {
                p.leaves.add(placeLeaf(c, p, j, k, rnd, occ, reservations.get(p.index).get(j)));
            }
        }
    }

    /** The room a leaf needs where it leaves the stem, on either side; other tips keep out of it. */
    private static Rectangle2D nodeBox(Line stem, double node) {
        int i = (int) node;
        double reach = stem.hw()[i] + 10;
        return new Rectangle2D.Double(stem.xs()[i] - reach, stem.ys()[i] - 12, 2 * reach, 16);
    }

    private static Line placeLeaf(ShootConfig c, Plant p, int j, int k, Random rnd, Occupancy occ,
            Rectangle2D reservation) {
        double lengthFactor = 0.62 + 0.38 * StrictMath.sin(Math.PI * (j + 1) / (k + 1));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // first the natural range; when crowded, any side, angle and length down to a short blade
            boolean natural = attempt < ATTEMPTS / 4;
            int side = natural ? p.sides[j] : (rnd.nextBoolean() ? 1 : -1);
            double full = p.leafLength * lengthFactor * (0.75 + 0.4 * rnd.nextDouble());
            double length = natural ? full : 12 + (full - 12) * rnd.nextDouble() * rnd.nextDouble();
            double theta0 = StrictMath.toRadians(natural ? 12 + 45 * rnd.nextDouble() : 5 + 80 * rnd.nextDouble());
            double turn = StrictMath.toRadians(natural ? 20 + 140 * rnd.nextDouble() : 170 * rnd.nextDouble());
            double power = 1.2 + 1.4 * rnd.nextDouble();
            double width = p.leafWidth * (0.8 + 0.35 * rnd.nextDouble());
            Line leaf = growLeaf(rnd, p.stem, p.nodes[j], side, length, theta0, turn, power, width);
            if (!featureInside(leaf.tip(), c.width(), c.height())
                    || !featureInside(new Point2D.Double(leaf.xs()[leaf.start()], leaf.ys()[leaf.start()]),
                            c.width(), c.height())
                    || !insideAll(leaf, 10, c.width() - 10, 10, p.floorY - 3)) {
                continue;
            }
            List<Shape> parts = List.of(outline(leaf, true));
            List<Rectangle2D> beyond = beyondZones(leaf);
            Rectangle2D core = coreZone(leaf);
            List<Point2D> points = List.of(new Point2D.Double(leaf.xs()[leaf.start()], leaf.ys()[leaf.start()]),
                    leaf.tip());
            if (occ.fits(parts, beyond, core, points, reservation)) {
                occ.add(parts, leaf, beyond, core, points);
                return leaf;
            }
        }
        throw new LayoutFailed();
    }

    /**
     * A leaf leaving the stem at node {@code node} on {@code side}: the heading (from the stem's direction, turned
     * towards the side) starts at {@code theta0} and turns by {@code turn * u^power} over the relative length u,
     * plus a little wander, so leaves rise, arch and droop. Half width: narrow at the base, widest in the first half,
     * tapering to the tip cap.
     */
    private static Line growLeaf(Random rnd, Line stem, double node, int side, double length, double theta0,
            double turn, double power, double width) {
        int i = (int) node;
        double[] t = tangent(stem, i);
        double nx = -t[1];
        double ny = t[0]; // right of an upward tangent
        double bx = stem.xs()[i] + side * nx * stem.hw()[i];
        double by = stem.ys()[i] + side * ny * stem.hw()[i];
        double phi = StrictMath.atan2(t[0], -t[1]); // stem heading, clockwise from straight up
        int ext = (int) Math.ceil(1.5 * stem.hw()[i] + 1);
        int n = (int) Math.ceil(length);
        double[] xs = new double[ext + n + 1];
        double[] ys = new double[ext + n + 1];
        double[] hw = new double[ext + n + 1];
        double a0 = phi + side * theta0;
        double baseW = 0.5 * width;
        for (int e = 0; e < ext; e++) {
            double back = ext - e;
            xs[e] = bx - StrictMath.sin(a0) * back;
            ys[e] = by + StrictMath.cos(a0) * back;
            hw[e] = baseW;
        }
        double x = bx;
        double y = by;
        double wander = 0;
        double kappa = 0;
        for (int s = 0; s <= n; s++) {
            int idx = ext + s;
            xs[idx] = x;
            ys[idx] = y;
            double u = (double) s / n;
            double f;
            if (u < 0.2) {
                f = 0.5 + 0.5 * u / 0.2;
            } else if (u < 0.5) {
                f = 1;
            } else {
                f = Math.pow((1 - u) / 0.5, 0.85);
            }
            hw[idx] = s == n ? LEAF_TIP_RADIUS : Math.max(LEAF_TIP_RADIUS, width * f);
            kappa = 0.9 * kappa + 0.0015 * rnd.nextGaussian();
            wander += kappa;
            double theta = theta0 + turn * Math.pow(u, power) + wander;
            theta = clamp(theta, 0.02, StrictMath.toRadians(175));
            double a = phi + side * theta;
            x += StrictMath.sin(a);
            y -= StrictMath.cos(a);
        }
        return new Line(xs, ys, hw, ext);
    }

    // ---- shapes and zones ----

    /** The organ outline: both edges and (if {@code cap}) a round cap of the last half width around the tip. */
    private static Path2D outline(Line line, boolean cap) {
        int n = line.xs().length;
        double[] lx = new double[n];
        double[] ly = new double[n];
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int i = 0; i < n; i++) {
            double[] t = tangent(line, i);
            double w = line.hw()[i];
            lx[i] = line.xs()[i] + t[1] * w;
            ly[i] = line.ys()[i] - t[0] * w;
            rx[i] = line.xs()[i] - t[1] * w;
            ry[i] = line.ys()[i] + t[0] * w;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        path.moveTo(lx[0], ly[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(lx[i], ly[i]);
        }
        if (cap) {
            double[] t = tangent(line, n - 1);
            double w = line.hw()[n - 1];
            double cx = line.xs()[n - 1];
            double cy = line.ys()[n - 1];
            // from the left normal (ty, -tx) over the tangent to the right normal (-ty, tx)
            for (int k = 1; k < 12; k++) {
                double a = Math.PI * k / 12;
                double ox = StrictMath.cos(a) * t[1] + StrictMath.sin(a) * t[0];
                double oy = -StrictMath.cos(a) * t[0] + StrictMath.sin(a) * t[1];
                path.lineTo(cx + ox * w, cy + oy * w);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            path.lineTo(rx[i], ry[i]);
        }
        path.closePath();
        return path;
    }

    /** Squares along the tip direction past the tip: only the backdrop may show there. */
    private static List<Rectangle2D> beyondZones(Line line) {
        double[] d = line.tipDirection();
        Point2D t = line.tip();
        List<Rectangle2D> zones = new ArrayList<>();
        for (double k : BEYOND) {
            double cx = t.getX() + d[0] * k;
            double cy = t.getY() + d[1] * k;
            zones.add(new Rectangle2D.Double(cx - BEYOND_HALF, cy - BEYOND_HALF, 2 * BEYOND_HALF, 2 * BEYOND_HALF));
        }
        return zones;
    }

    /** A square around the tip that no other organ may enter. */
    private static Rectangle2D coreZone(Line line) {
        Point2D t = line.tip();
        return new Rectangle2D.Double(t.getX() - CORE_HALF, t.getY() - CORE_HALF, 2 * CORE_HALF, 2 * CORE_HALF);
    }

    private static Rectangle2D pad(Rectangle2D r, double p) {
        return new Rectangle2D.Double(r.getX() - p, r.getY() - p, r.getWidth() + 2 * p, r.getHeight() + 2 * p);
    }

    /** Unit tangent (towards the tip) at point i. */
    private static double[] tangent(Line line, int i) {
        int n = line.xs().length;
        int a = Math.max(0, i - 1);
        int b = Math.min(n - 1, i + 1);
        double dx = line.xs()[b] - line.xs()[a];
        double dy = line.ys()[b] - line.ys()[a];
        double len = Math.hypot(dx, dy);
        return len == 0 ? new double[] {0, -1} : new double[] {dx / len, dy / len};
    }

    private static boolean featureInside(Point2D p, int w, int h) {
        return p.getX() >= MARGIN && p.getX() <= w - MARGIN && p.getY() >= MARGIN && p.getY() <= h - MARGIN;
    }

    private static boolean insideX(Line line, double lo, double hi) {
        for (double x : line.xs()) {
            if (x < lo || x > hi) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideAll(Line line, double x0, double x1, double y0, double y1) {
        for (int i = 0; i < line.xs().length; i++) {
            if (line.xs()[i] < x0 || line.xs()[i] > x1 || line.ys()[i] < y0 || line.ys()[i] > y1) {
                return false;
            }
        }
        return true;
    }

    // ---- drawing ----

    /** The lit backdrop, frosted side panels and the floor, straight into the pixels. */
    private static void drawBackdrop(int[] px, int w, int h, Booth b, Random rnd) {
        double[] base = {244 + 4 * rnd.nextDouble(), 0, 0};
        base[1] = base[0] - 3 * rnd.nextDouble();
        base[2] = base[0] - 2 - 5 * rnd.nextDouble(); // warm white, but never greenish
        double[] panel = {212 + 12 * rnd.nextDouble(), 0, 0};
        panel[1] = panel[0] + 2 * rnd.nextDouble();
        panel[2] = panel[0] + 1 + 4 * rnd.nextDouble(); // cool frosted glass
        double[] floor = {206 + 14 * rnd.nextDouble(), 0, 0};
        floor[1] = floor[0] - 2 * rnd.nextDouble();
        floor[2] = floor[0] - 4 * rnd.nextDouble();
        double lightX = w * (0.35 + 0.3 * rnd.nextDouble());
        double fall = 0.05 + 0.05 * rnd.nextDouble();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] c;
                double shade;
                if (y >= b.floorY()) {
                    c = floor;
                    shade = 1 - 0.12 * (y - b.floorY()) / Math.max(1, h - b.floorY());
                } else if (b.frame() && (x < b.left() || x >= b.right())) {
                    c = panel;
                    double edge = x < b.left() ? x / Math.max(1, b.left()) : (w - 1 - x) / Math.max(1, w - b.right());
                    shade = 0.9 + 0.08 * edge - 0.05 * y / h;
                } else {
                    c = base;
                    double dx = (x - lightX) / (0.7 * w);
                    double dy = y / b.floorY();
                    shade = 1 - fall * dx * dx - 0.07 * Math.pow(dy, 1.5);
                }
                int r = byte8(c[0] * shade);
                int g = byte8(c[1] * shade);
                int bl = byte8(c[2] * shade);
                px[y * w + x] = (r << 16) | (g << 8) | bl;
            }
        }
    }

    private static void drawFrame(Graphics2D g, int w, int h, Booth b, double sc) {
        if (b.frame()) {
            Color rail = new Color(44, 44, 48);
            Color alu = new Color(176, 180, 184);
            // left: bar across the panel, aluminium post, dark rail at the interior edge
            g.setPaint(new GradientPaint(0, (float) b.barY(), new Color(196, 199, 202), 0,
                    (float) (b.barY() + b.barH()), new Color(150, 153, 157)));
            g.fill(new Rectangle2D.Double(0, b.barY(), b.left() - b.railW(), b.barH()));
            g.fill(new Rectangle2D.Double(b.right() + b.railW(), b.barY(), w - b.right() - b.railW(), b.barH()));
            g.setPaint(new GradientPaint((float) (b.left() - b.railW() - b.postW()), 0, new Color(198, 201, 204),
                    (float) (b.left() - b.railW()), 0, new Color(150, 154, 158)));
            g.fill(new Rectangle2D.Double(b.left() - b.railW() - b.postW(), 0, b.postW(), b.floorY()));
            g.setPaint(new GradientPaint((float) (b.right() + b.railW()), 0, new Color(150, 154, 158),
                    (float) (b.right() + b.railW() + b.postW()), 0, new Color(198, 201, 204)));
            g.fill(new Rectangle2D.Double(b.right() + b.railW(), 0, b.postW(), b.floorY()));
            g.setColor(rail);
            g.fill(new Rectangle2D.Double(b.left() - b.railW(), 0, b.railW(), b.floorY()));
            g.fill(new Rectangle2D.Double(b.right(), 0, b.railW(), b.floorY()));
            g.setColor(alu);
            g.fill(new Rectangle2D.Double(0, 0, w, b.topBar()));
            g.setColor(new Color(120, 122, 126));
            g.fill(new Rectangle2D.Double(0, b.topBar(), w, Math.max(1, 1.5 * sc)));
            g.setColor(rail);
            g.fill(new Rectangle2D.Double(0, b.floorY(), w, b.floorRail()));
        } else {
            g.setColor(new Color(150, 150, 148));
            g.fill(new Rectangle2D.Double(0, b.floorY(), w, Math.max(1, 1.5 * sc)));
        }
    }

    private static void drawPot(Graphics2D g, Plant p, double sc, Random rnd) {
        double x = p.potX;
        double top = p.rimY;
        double bottom = p.potBottomY;
        // holder: a dark plate under the pot, legs, and a foot on the floor
        Color holder = new Color(32, 32, 35);
        g.setColor(holder);
        double plateH = Math.max(2, 3 * sc);
        g.fill(new Rectangle2D.Double(x - 0.6 * p.potTopW, bottom, 1.2 * p.potTopW, plateH));
        double legW = Math.max(2, 3 * sc);
        g.fill(new Rectangle2D.Double(x - 0.55 * p.potTopW, bottom, legW, p.holderBottomY - bottom));
        g.fill(new Rectangle2D.Double(x + 0.55 * p.potTopW - legW, bottom, legW, p.holderBottomY - bottom));
        g.fill(new Rectangle2D.Double(x - 0.75 * p.potTopW, p.holderBottomY - plateH, 1.5 * p.potTopW, plateH));
        // body: a white tapered cylinder
        Path2D body = new Path2D.Double();
        body.moveTo(x - p.potTopW / 2, top);
        body.lineTo(x + p.potTopW / 2, top);
        body.lineTo(x + p.potBottomW / 2, bottom);
        body.lineTo(x - p.potBottomW / 2, bottom);
        body.closePath();
        int white = 226 + rnd.nextInt(22);
        g.setPaint(new LinearGradientPaint((float) (x - p.potTopW / 2), 0, (float) (x + p.potTopW / 2), 0,
                new float[] {0, 0.4f, 1}, new Color[] {grey(white * 0.78), grey(white), grey(white * 0.7)}));
        g.fill(body);
        // rim and soil
        double rimH = Math.max(2, 4 * sc);
        g.setPaint(new LinearGradientPaint((float) (x - p.potTopW / 2), 0, (float) (x + p.potTopW / 2), 0,
                new float[] {0, 0.4f, 1}, new Color[] {grey(white * 0.82), grey(Math.min(255, white * 1.02)),
                    grey(white * 0.74)}));
        g.fill(new RoundRectangle2D.Double(x - 0.52 * p.potTopW, top - rimH / 2, 1.04 * p.potTopW, rimH, rimH,
                rimH));
        g.setColor(new Color(150, 150, 150));
        g.draw(new Line2D.Double(x - 0.5 * p.potTopW, top + rimH / 2, x + 0.5 * p.potTopW, top + rimH / 2));
        g.setColor(new Color(74, 58, 44));
        g.fill(new Ellipse2D.Double(x - 0.45 * p.potTopW, top - rimH / 2 - 1.2 * sc, 0.9 * p.potTopW,
                Math.max(1.5, 2.4 * sc)));
        if (p.label) {
            double lw = 0.34 * p.potTopW;
            double lh = 0.28 * (bottom - top);
            double lx = x - lw / 2 + 0.1 * p.potTopW * (rnd.nextDouble() - 0.5);
            double ly = top + 0.3 * (bottom - top);
            g.setColor(new Color(250, 250, 246));
            g.fill(new Rectangle2D.Double(lx, ly, lw, lh));
            g.setColor(new Color(30, 30, 30));
            for (double bx = lx + 1.5; bx < lx + lw - 1.5; bx += 1 + 2 * rnd.nextDouble()) {
                double bw = 0.5 + rnd.nextDouble();
                g.fill(new Rectangle2D.Double(bx, ly + 1.5, bw, lh * 0.6));
            }
        }
    }

    private static void drawStake(Graphics2D g, Stake stake) {
        Rectangle2D r = stake.shape().getBounds2D();
        Color light = stake.bamboo() ? new Color(214, 188, 132) : new Color(172, 172, 170);
        Color dark = stake.bamboo() ? new Color(160, 132, 82) : new Color(120, 120, 122);
        g.setPaint(new GradientPaint((float) r.getX(), 0, light, (float) r.getMaxX(), 0, dark));
        g.fill(stake.shape());
    }

    private static void drawStem(Graphics2D g, Plant p, Color plant) {
        Color c = mix(plant, YELLOW_GREEN, 0.3);
        Path2D shape = outline(p.stem, false);
        g.setColor(c);
        g.fill(shape);
        Line s = p.stem;
        g.setColor(alpha(brighter(c, 1.2), 0.35));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(offsetPolyline(s, 0, s.xs().length, -0.35));
        g.setColor(alpha(scale(c, 0.7), 0.45));
        g.setStroke(new BasicStroke(0.7f));
        g.draw(shape);
        for (double node : p.nodes) {
            int i = (int) node;
            double[] t = tangent(s, i);
            double w = s.hw()[i];
            g.setColor(alpha(scale(c, 0.65), 0.5));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(s.xs()[i] + t[1] * w, s.ys()[i] - t[0] * w, s.xs()[i] - t[1] * w,
                    s.ys()[i] + t[0] * w));
        }
    }

    private static void drawLeaf(Graphics2D g, Line leaf, Color plant, Random rnd) {
        Color c = scale(mix(plant, YELLOW_GREEN, 0.2 * rnd.nextDouble()), 0.9 + 0.2 * rnd.nextDouble());
        Color tipColour = brighter(mix(c, YELLOW_GREEN, 0.15 + 0.2 * rnd.nextDouble()), 1.05);
        Path2D shape = outline(leaf, true);
        int n = leaf.last();
        float bx = (float) leaf.xs()[leaf.start()];
        float by = (float) leaf.ys()[leaf.start()];
        float tx = (float) leaf.xs()[n];
        float ty = (float) leaf.ys()[n];
        g.setPaint(new LinearGradientPaint(bx, by, tx, ty, new float[] {0, 0.55f, 1},
                new Color[] {scale(c, 0.85), c, tipColour}));
        g.fill(shape);
        Shape clip = g.getClip();
        g.clip(shape);
        // one half a little darker, as if the blade were folded along the midrib
        Path2D half = new Path2D.Double();
        half.moveTo(leaf.xs()[0], leaf.ys()[0]);
        for (int i = 1; i <= n; i++) {
            half.lineTo(leaf.xs()[i], leaf.ys()[i]);
        }
        double side = rnd.nextBoolean() ? 1 : -1;
        for (int i = n; i >= 0; i--) {
            double[] t = tangent(leaf, i);
            double w = leaf.hw()[i] + 1;
            half.lineTo(leaf.xs()[i] - side * t[1] * w, leaf.ys()[i] + side * t[0] * w);
        }
        half.closePath();
        g.setColor(new Color(0, 0, 0, 18 + rnd.nextInt(18)));
        g.fill(half);
        // veins: faint lighter streaks along the blade
        g.setStroke(new BasicStroke(0.6f));
        for (double v : new double[] {-0.55, 0.55}) {
            g.setColor(alpha(brighter(c, 1.25), 0.15));
            g.draw(offsetPolyline(leaf, leaf.start(), (int) (leaf.start() + 0.85 * (n - leaf.start())), v));
        }
        // blotches
        int blotches = rnd.nextInt(4);
        for (int b = 0; b < blotches; b++) {
            int i = leaf.start() + rnd.nextInt(Math.max(1, (int) (0.8 * (n - leaf.start()))));
            double r = 1 + 2.5 * rnd.nextDouble();
            g.setColor(rnd.nextBoolean() ? alpha(brighter(c, 1.3), 0.12) : alpha(scale(c, 0.6), 0.12));
            g.fill(new Ellipse2D.Double(leaf.xs()[i] - r, leaf.ys()[i] - r, 2 * r, 2 * r));
        }
        g.setClip(clip);
        // midrib, stopping well before the tip
        g.setColor(alpha(mix(c, new Color(205, 218, 160), 0.5), 0.45));
        g.setStroke(new BasicStroke((float) Math.max(0.6, 0.25 * maxOf(leaf.hw()))));
        g.draw(offsetPolyline(leaf, 0, (int) (leaf.start() + 0.75 * (n - leaf.start())), 0));
        // edges
        g.setColor(alpha(scale(c, 0.65), 0.45));
        g.setStroke(new BasicStroke(0.7f));
        g.draw(shape);
    }

    private static void drawEar(Graphics2D g, Ear ear, Random rnd) {
        Line line = ear.line();
        Color c = mix(EAR_GREEN, EAR_GOLD, rnd.nextDouble());
        if (ear.awned()) {
            g.setColor(alpha(mix(c, new Color(210, 200, 150), 0.3), 0.85));
            for (Shape awn : ear.awns()) {
                g.fill(awn);
            }
        }
        Path2D shape = outline(line, true);
        g.setColor(c);
        g.fill(shape);
        Shape clip = g.getClip();
        g.clip(shape);
        int n = line.last();
        double maxW = maxOf(line.hw());
        double step = Math.max(2.5, 0.9 * maxW);
        int side = 1;
        g.setStroke(new BasicStroke(0.6f));
        for (double s = 0.03 * n; s <= n; s += step) {
            int i = Math.min(n, (int) s);
            double[] t = tangent(line, i);
            double w = line.hw()[i];
            double cx = line.xs()[i] - side * t[1] * w * 0.4;
            double cy = line.ys()[i] + side * t[0] * w * 0.4;
            double along = Math.max(1.5, 1.1 * w);
            double across = Math.max(1, 0.6 * w);
            double angle = StrictMath.atan2(t[1], t[0]) - side * StrictMath.toRadians(25);
            Shape spikelet = AffineTransform.getRotateInstance(angle, cx, cy)
                    .createTransformedShape(new Ellipse2D.Double(cx - along, cy - across, 2 * along, 2 * across));
            g.setColor(alpha(scale(c, 0.88 + 0.24 * rnd.nextDouble()), 0.9));
            g.fill(spikelet);
            g.setColor(alpha(scale(c, 0.7), 0.6));
            g.draw(spikelet);
            side = -side;
        }
        g.setClip(clip);
        g.setColor(alpha(scale(c, 0.7), 0.5));
        g.setStroke(new BasicStroke(0.7f));
        g.draw(shape);
    }

    /** Specks and fibres on the backdrop (and plants), away from tips. */
    private static void drawClutter(Graphics2D g, int w, int h, double clutter, Occupancy occ, Random rnd,
            double sc) {
        double area = w * (double) h / (768.0 * 640.0);
        int specks = (int) Math.round(clutter * area * (20 + 40 * rnd.nextDouble()));
        for (int k = 0; k < specks; k++) {
            double r = (0.6 + 1.8 * rnd.nextDouble()) * Math.max(0.6, sc);
            double x = w * rnd.nextDouble();
            double y = h * rnd.nextDouble();
            double e = 0.5 + rnd.nextDouble();
            int tone = rnd.nextInt(3);
            double opacity = 0.35 + 0.55 * rnd.nextDouble();
            if (occ.nearTip(x, y, r)) {
                continue;
            }
            Color c = tone == 0 ? new Color(60, 60, 62) : tone == 1 ? new Color(96, 78, 58) : new Color(130, 130, 134);
            g.setColor(alpha(c, opacity));
            g.fill(new Ellipse2D.Double(x - r, y - r * e, 2 * r, 2 * r * e));
        }
        int fibres = (int) Math.round(clutter * area * (2 + 6 * rnd.nextDouble()));
        g.setStroke(new BasicStroke(0.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < fibres; k++) {
            double x = w * rnd.nextDouble();
            double y = h * rnd.nextDouble();
            double len = (8 + 20 * rnd.nextDouble()) * Math.max(0.5, sc);
            double a = 2 * Math.PI * rnd.nextDouble();
            double bend = (rnd.nextDouble() - 0.5) * len;
            double x2 = x + StrictMath.cos(a) * len;
            double y2 = y + StrictMath.sin(a) * len;
            double mx = (x + x2) / 2 - StrictMath.sin(a) * bend;
            double my = (y + y2) / 2 + StrictMath.cos(a) * bend;
            double opacity = 0.2 + 0.25 * rnd.nextDouble();
            if (occ.nearTip(x, y, 0) || occ.nearTip(x2, y2, 0) || occ.nearTip(mx, my, Math.abs(bend) + len / 2)) {
                continue;
            }
            g.setColor(alpha(new Color(70, 70, 74), opacity));
            g.draw(new QuadCurve2D.Double(x, y, mx, my, x2, y2));
        }
    }

    /** Optical softness: blends in a [1 2 1]/4 x [1 2 1]/4 blur with weight {@code amount}. */
    private static void soften(int[] px, int w, int h, double amount) {
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < px.length; i++) {
            planes[0][i] = (px[i] >> 16) & 0xff;
            planes[1][i] = (px[i] >> 8) & 0xff;
            planes[2][i] = px[i] & 0xff;
        }
        float[] tmp = new float[w * h];
        for (float[] p : planes) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    tmp[i] = (p[y * w + Math.max(0, x - 1)] + 2 * p[i] + p[y * w + Math.min(w - 1, x + 1)]) / 4;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    float blurred = (tmp[Math.max(0, y - 1) * w + x] + 2 * tmp[i] + tmp[Math.min(h - 1, y + 1) * w + x])
                            / 4;
                    p[i] = (float) (p[i] + amount * (blurred - p[i]));
                }
            }
        }
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte8(planes[0][i]) << 16) | (byte8(planes[1][i]) << 8) | byte8(planes[2][i]);
        }
    }

    /** Overall exposure jitter and Gaussian camera noise. */
    private static void addNoise(int[] px, double noise, Random rnd) {
        double gain = 0.96 + 0.06 * rnd.nextDouble();
        double sigma = 12 * noise;
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            int r = byte8(((c >> 16) & 0xff) * gain + (sigma > 0 ? sigma * rnd.nextGaussian() : 0));
            int g = byte8(((c >> 8) & 0xff) * gain + (sigma > 0 ? sigma * rnd.nextGaussian() : 0));
            int b = byte8((c & 0xff) * gain + (sigma > 0 ? sigma * rnd.nextGaussian() : 0));
            px[i] = (r << 16) | (g << 8) | b;
        }
    }

    // ---- small helpers ----

    /** The centre line from {@code from} to {@code to} (exclusive) shifted by {@code v} half widths sideways. */
    private static Path2D offsetPolyline(Line line, int from, int to, double v) {
        Path2D.Double path = new Path2D.Double();
        for (int i = from; i < Math.min(to, line.xs().length); i++) {
            double[] t = tangent(line, i);
            double off = v * line.hw()[i];
            double x = line.xs()[i] - t[1] * off;
            double y = line.ys()[i] + t[0] * off;
            if (i == from) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    private static Feature feature(String className, Point p) {
        return new Feature(className, p.x(), p.y());
    }

    private static double maxOf(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(byte8(a.getRed() + (b.getRed() - a.getRed()) * t),
                byte8(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                byte8(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static Color scale(Color c, double f) {
        return new Color(byte8(c.getRed() * f), byte8(c.getGreen() * f), byte8(c.getBlue() * f), c.getAlpha());
    }

    private static Color brighter(Color c, double f) {
        return scale(c, f);
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), byte8(255 * a));
    }

    private static Color grey(double v) {
        int b = byte8(v);
        return new Color(b, b, b);
    }
}
