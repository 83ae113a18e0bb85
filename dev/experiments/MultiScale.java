package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.*;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.*;
import org.phenoloc.engine.evaluation.*;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.*;
import org.phenoloc.engine.model.*;
import org.phenoloc.engine.patches.ImageSplit;

/**
 * Measurement program (not part of the product; README "Test-time scales for leaf tips"): scans the benchmark's 30
 * maize images with a shoot model at its image scale times each factor, fuses the probability grids on the model's
 * own grid (mean, max, or the mean with only the larger or the smaller scans), calibrates the threshold on the 20
 * training images and scores the 10 evaluation images at r = 32 px. The first factor must be 1. Run it with
 * dev/experiment.sh: {@code dev/experiment.sh MultiScale MODEL DATA 1,0.9,1.1 [suppression radius px]}.
 */
public class MultiScale {
    public static void main(String[] a) throws Exception {
        PhenolocModel m = ModelFiles.load(Path.of(a[0]));
        Task t = Task.SHOOTS;
        var split = ImageSplit.of(t.load(Path.of(a[1]), null, w -> {}), 1.0 / 3, 7);
        double[] factors = Arrays.stream(a[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        ModelMetadata meta = m.metadata();
        double base = meta.imageScale();
        double radius = a.length > 3 ? Double.parseDouble(a[3]) : meta.suppressionRadius();
        System.out.println("model scale " + base + ", radius " + radius + ", thresholds " + meta.thresholds());
        DenseScanner sc = new DenseScanner(m.network(), meta.architecture());
        String[] modes = {"single", "mean", "max", "mean-up", "mean-down"};
        Map<String, List<List<Detection>>> trainD = new LinkedHashMap<>(), validD = new LinkedHashMap<>();
        for (String mode : modes) { trainD.put(mode, new ArrayList<>()); validD.put(mode, new ArrayList<>()); }
        List<List<Point>> trainT = new ArrayList<>(), validT = new ArrayList<>();
        for (int set = 0; set < 2; set++) {
            List<AnnotatedImage> imgs = set == 0 ? split.train() : split.test();
            for (AnnotatedImage ai : imgs) {
                BufferedImage orig = ImageFiles.readRgb(ai.image());
                ProbabilityGrid[] grids = new ProbabilityGrid[factors.length];
                for (int k = 0; k < factors.length; k++) {
                    grids[k] = sc.scan(ImageScaling.scale(orig, base * factors[k]), 4, Progress.NONE);
                }
                List<Point> truth = ai.features().stream().filter(f -> f.className().equals("leaf_tip")).map(Feature::point).toList();
                (set == 0 ? trainT : validT).add(truth);
                for (String mode : modes) {
                    ProbabilityGrid g = fuse(grids, factors, mode);
                    (set == 0 ? trainD : validD).get(mode).add(PeakFinder.find(g, 0, "leaf_tip", 0.3, radius * base, base));
                }
            }
        }
        for (String mode : modes) {
            double bestT = 0, bestF = -1;
            for (double th = 0.30; th <= 0.995; th += 0.005) {
                double f = score(trainD.get(mode), trainT, th).f1();
                if (f > bestF + 1e-12) { bestF = f; bestT = th; }
            }
            MatchResult r = score(validD.get(mode), validT, bestT);
            double err = 0; int exact = 0, within = 0;
            for (int i = 0; i < validT.size(); i++) {
                final double th = bestT;
                int n = (int) validD.get(mode).get(i).stream().filter(d -> d.score() >= th).count();
                int e = Math.abs(n - validT.get(i).size());
                err += e; exact += e == 0 ? 1 : 0; within += e <= 1 ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-9s calibrated %.3f (training F1 %.3f): P %.3f R %.3f F1 %.3f  count error %.1f exact %d within1 %d%n",
                    mode, bestT, bestF, r.precision(), r.recall(), r.f1(), err / validT.size(), exact, within);
        }
    }

    static MatchResult score(List<List<Detection>> dets, List<List<Point>> truth, double th) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < truth.size(); i++) {
            List<Point> d = dets.get(i).stream().filter(x -> x.score() >= th).map(x -> new Point(x.x(), x.y())).toList();
            MatchResult r = PointMatcher.match(d, truth.get(i), 32);
            tp += r.truePositives(); fp += r.falsePositives(); fn += r.falseNegatives();
        }
        return MatchResult.of(tp, fp, fn, 0, List.of());
    }

    /** On grid 0's geometry (factor 1 first): each other grid sampled bilinearly at the same original-image point. */
    static ProbabilityGrid fuse(ProbabilityGrid[] g, double[] f, String mode) {
        ProbabilityGrid b = g[0];
        ProbabilityGrid out = ProbabilityGrid.empty(b.rows(), b.cols(), b.stride(), b.offset(), b.classes());
        for (int i = 0; i < b.rows(); i++) for (int j = 0; j < b.cols(); j++) for (int c = 0; c < b.classes(); c++) {
            float v0 = b.get(i, j, c);
            if (mode.equals("single")) { out.set(i, j, c, v0); continue; }
            double sum = v0, max = v0; int n = 1;
            for (int k = 1; k < g.length; k++) {
                if (mode.equals("mean-up") && f[k] < 1 || mode.equals("mean-down") && f[k] > 1) continue;
                double x = (b.offset() + j * b.stride()) * f[k], y = (b.offset() + i * b.stride()) * f[k];
                double v = sample(g[k], x, y, c);
                if (Double.isNaN(v)) continue;
                sum += v; max = Math.max(max, v); n++;
            }
            out.set(i, j, c, (float) (mode.equals("max") ? max : sum / n));
        }
        return out;
    }

    static double sample(ProbabilityGrid g, double x, double y, int c) {
        double cx = (x - g.offset()) / g.stride(), cy = (y - g.offset()) / g.stride();
        if (cx < 0 || cy < 0 || cx > g.cols() - 1 || cy > g.rows() - 1) return Double.NaN;
        int j = (int) Math.floor(cx), i = (int) Math.floor(cy);
        int j1 = Math.min(j + 1, g.cols() - 1), i1 = Math.min(i + 1, g.rows() - 1);
        double fx = cx - j, fy = cy - i;
        return (1 - fy) * ((1 - fx) * g.get(i, j, c) + fx * g.get(i, j1, c)) + fy * ((1 - fx) * g.get(i1, j, c) + fx * g.get(i1, j1, c));
    }
}
