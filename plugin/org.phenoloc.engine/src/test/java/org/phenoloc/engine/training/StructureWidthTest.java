package org.phenoloc.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.io.BadInputException;

class StructureWidthTest {
    private static final StructureWidth.Config C = StructureWidth.Config.defaults();

    /** Pale roots of the given width on blue paper, drawn along their polylines (base to tip); scale multiplies all. */
    private static BufferedImage roots(double width, double scale, List<List<Point>> lines) {
        int side = (int) Math.round(400 * scale);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 60, 190));
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(210, 205, 200));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        for (List<Point> line : lines) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(line.get(0).x(), line.get(0).y());
            for (Point q : line.subList(1, line.size())) {
                p.lineTo(q.x(), q.y());
            }
            g.draw(p);
        }
        g.dispose();
        return img;
    }

    private static List<List<Point>> lines(double scale) {
        return List.of(
                List.of(new Point(60 * scale, 20 * scale), new Point(60 * scale, 380 * scale)),
                List.of(new Point(150 * scale, 20 * scale), new Point(170 * scale, 200 * scale),
                        new Point(230 * scale, 370 * scale)),
                List.of(new Point(380 * scale, 30 * scale), new Point(300 * scale, 360 * scale)));
    }

    private static Optional<StructureWidth.Measurement> measure(double width, double scale) {
        return measure(width, scale, false);
    }

    /** With tipsOnly the lines' tips are the only annotation (points-only: CSV, COCO, a table without geometry). */
    private static Optional<StructureWidth.Measurement> measure(double width, double scale, boolean tipsOnly) {
        List<List<Point>> lines = lines(scale);
        BufferedImage img = roots(width * scale, scale, lines);
        List<Feature> tips = lines.stream().map(l -> l.get(l.size() - 1)).map(t -> new Feature("root_tip", t.x(), t.y()))
                .toList();
        AnnotatedImage a = tipsOnly ? new AnnotatedImage(Path.of("roots.png"), Path.of("roots.csv"), tips, List.of())
                : new AnnotatedImage(Path.of("roots.png"), Path.of("roots.rsml"), tips, lines);
        return StructureWidth.measure(List.of(a, a), C, x -> img);
    }

    @Test
    void measuresTheDrawnWidth() {
        for (double w : new double[] {3, 5, 8}) {
            StructureWidth.Measurement m = measure(w, 1).orElseThrow();
            assertEquals(w, m.width(), 0.15 * w, "drawn " + w + " px: " + m);
            assertTrue(m.profiles() >= C.minProfiles(), m.toString());
        }
    }

    @Test
    void followsTheResolutionAndHalvesTheImageForWideStructures() {
        double base = measure(5, 1).orElseThrow().width();
        double twice = measure(5, 2).orElseThrow().width();
        assertEquals(2, twice / base, 0.2, base + " px at 1x, " + twice + " px at 2x");
        // 24 px is wider than a third of the 30 px profile half-length: measured on the image halved, still right
        double wide = measure(8, 3).orElseThrow().width();
        assertEquals(24, wide, 3.6, "drawn 24 px");
    }

    @Test
    void measuresTheDrawnWidthFromTipPointsAlone() {
        for (double w : new double[] {3, 5, 8}) {
            StructureWidth.Measurement m = measure(w, 1, true).orElseThrow();
            assertEquals(w, m.width(), 0.15 * w, "drawn " + w + " px, tips only: " + m);
            assertTrue(m.traced(), m.toString());
            assertTrue(m.toString().contains("traced from their tip points"), m.toString());
        }
        double base = measure(5, 1, true).orElseThrow().width();
        double twice = measure(5, 2, true).orElseThrow().width();
        assertEquals(2, twice / base, 0.2, base + " px at 1x, " + twice + " px at 2x, tips only");
        assertFalse(measure(5, 1).orElseThrow().traced(), "root lines are measured along the lines");
    }

    @Test
    void theTraceFollowsACurvingRootFromItsTip() {
        List<Point> drawn = lines(1).get(1); // bends by 9 degrees at (170, 200)
        BufferedImage img = roots(5, 1, List.of(drawn));
        List<Point> traced = TipDirection.behind(img, drawn.get(drawn.size() - 1), 300).orElseThrow();
        assertEquals(drawn.get(drawn.size() - 1), traced.get(traced.size() - 1), "ends at the tip");
        assertTrue(traced.get(0).distance(drawn.get(drawn.size() - 1)) > 250, "follows the root past its bend: " + traced.get(0));
        for (Point p : traced) {
            assertTrue(p.distanceTo(drawn) <= 2.5, p + " lies " + p.distanceTo(drawn) + " px off the drawn root's centre line (5 px wide)");
        }
        java.awt.image.RescaleOp invert = new java.awt.image.RescaleOp(-1f, 255f, null);
        List<Point> onLight = TipDirection.behind(invert.filter(img, null), drawn.get(drawn.size() - 1), 100).orElseThrow();
        assertTrue(onLight.get(0).distance(drawn.get(drawn.size() - 1)) > 90, "dark roots on a light background too");
    }

    @Test
    void nothingToMeasureWithoutLinesOrContrast() {
        BufferedImage flat = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        AnnotatedImage points = new AnnotatedImage(Path.of("a.png"), Path.of("a.csv"),
                List.of(new Feature("root_tip", 50, 50)), List.of());
        assertTrue(StructureWidth.measure(List.of(points), C, x -> flat).isEmpty());
        AnnotatedImage invisible = new AnnotatedImage(Path.of("b.png"), Path.of("b.rsml"), List.of(), lines(0.5));
        assertTrue(StructureWidth.measure(List.of(invisible), C, x -> flat).isEmpty(), "no contrast, no width");
    }

    @Test
    void rootScaleMakesTheRootsTheTargetWidthAndOtherTasksKeepTheirDefault(@TempDir Path dir) throws Exception {
        List<List<Point>> lines = lines(1);
        File file = dir.resolve("roots.png").toFile();
        ImageIO.write(roots(8, 1, lines), "png", file);
        AnnotatedImage a = new AnnotatedImage(file.toPath(), dir.resolve("roots.rsml"), List.of(), lines);
        TrainingJob.ScaleChoice roots = TrainingJob.imageScaleFor(Task.ROOTS, TrainingMethod.DENSE, List.of(a));
        assertEquals(TrainingJob.ROOT_WIDTH_AFTER_SCALING / 8, roots.scale(), 0.051, roots.reason());
        assertTrue(roots.reason().contains("width"), roots.reason());
        ImageIO.write(roots(3, 1, lines), "png", file);
        TrainingJob.ScaleChoice thin = TrainingJob.imageScaleFor(Task.ROOTS, TrainingMethod.DENSE, List.of(a));
        assertEquals(TrainingJob.defaultImageScale(Task.ROOTS, TrainingMethod.DENSE), thin.scale(),
                "roots thinner than 4 px at the default keep it: " + thin.reason());
        assertEquals(0.5, TrainingJob.imageScaleFor(Task.SHOOTS, TrainingMethod.DENSE, List.of(a)).scale());
        assertEquals(1.0, TrainingJob.imageScaleFor(Task.ROOTS, TrainingMethod.PATCHES, List.of(a)).scale(),
                "the paper's patch recipe keeps its scale");
        ImageIO.write(roots(8, 1, lines), "png", file);
        AnnotatedImage tips = new AnnotatedImage(file.toPath(), dir.resolve("a.csv"), lines.stream()
                .map(l -> new Feature("root_tip", l.get(l.size() - 1).x(), l.get(l.size() - 1).y())).toList(), List.of());
        TrainingJob.ScaleChoice fromTips = TrainingJob.imageScaleFor(Task.ROOTS, TrainingMethod.DENSE, List.of(tips));
        assertEquals(roots.scale(), fromTips.scale(), "tip points alone give the root lines' scale: " + fromTips.reason());
        AnnotatedImage points = new AnnotatedImage(file.toPath(), dir.resolve("a.csv"),
                List.of(new Feature("root_tip", 20, 200)), List.of()); // on the paper, far from every root
        TrainingJob.ScaleChoice fallback = TrainingJob.imageScaleFor(Task.ROOTS, TrainingMethod.DENSE, List.of(points));
        assertEquals(TrainingJob.defaultImageScale(Task.ROOTS, TrainingMethod.DENSE), fallback.scale());
        assertTrue(fallback.reason().contains("--image-scale"), fallback.reason());
        org.phenoloc.engine.io.Progress cancelled = new org.phenoloc.engine.io.Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(org.phenoloc.engine.io.Progress.CancelledException.class,
                () -> TrainingJob.imageScaleFor(Task.ROOTS, TrainingMethod.DENSE, List.of(a), cancelled),
                "a cancelled run stops before reading an image");
    }

    @Test
    void configDefaultsAreValidAndBadValuesAreRejected() {
        assertEquals(C, new StructureWidth.Config(C.behindMin(), C.behindMax(), C.halfLength(), C.minContrast(),
                C.minProfiles(), C.maxImages()));
        assertNames("behindMax", () -> new StructureWidth.Config(2, 1, 30, 10, 30, 30));
        assertNames("behindMin", () -> new StructureWidth.Config(-1, 8, 30, 10, 30, 30));
        assertNames("halfLength", () -> new StructureWidth.Config(1.5, 8, 2, 10, 30, 30));
        assertNames("minContrast", () -> new StructureWidth.Config(1.5, 8, 30, 0, 30, 30));
        assertNames("minProfiles", () -> new StructureWidth.Config(1.5, 8, 30, 10, 0, 30));
        assertNames("maxImages", () -> new StructureWidth.Config(1.5, 8, 30, 10, 30, 0));
    }

    private static void assertNames(String setting, Runnable r) {
        BadInputException e = assertThrows(BadInputException.class, r::run);
        assertTrue(e.getMessage().contains("'" + setting), e.getMessage());
    }
}
