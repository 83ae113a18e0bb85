package org.phenoloc.engine.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;


import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.FlopCount;

/**
 * The benchmark's "Efficiency" section: the scan's achieved GFLOPS (FLOPs counted from the architecture,
 * {@link FlopCount}) as a share of the matrix-multiply peak measured in the same run ({@link MachinePeak}), the page
 * faults and kernel time per image, and where each image's time goes ({@link RunProfile}).
 */
public final class Efficiency {
    private Efficiency() {}

    /**
     * Localises {@code images} as {@code localise} does, profiling each; {@code pictures} renders what the command
     * would write (heat map, overlay) so its time is counted.
     */
    public static RunProfile profile(RunProfile profile, Localiser localiser, List<Path> images,
            BiConsumer<BufferedImage, LocalisationResult> pictures) {
        for (Path f : images) {
            profile.beginImage();
            BufferedImage img = ImageFiles.readRgb(f);
            profile.decoded();
            LocalisationResult r = localiser.localise(img, f.getFileName().toString(), Progress.NONE);
            profile.localised(r);
            pictures.accept(img, r);
            profile.endImage();
        }
        return profile;
    }

    /**
     * The benchmark's one call: measures the matrix-multiply peak, localises {@code images} (heat map and overlay
     * rendered and PNG-encoded in memory, as {@code localise} writes them) and appends the section.
     */
    public static RunProfile append(Markdown md, PhenolocModel model, LocaliserConfig config, List<Path> images) {
        MachinePeak peak = MachinePeak.measure();
        List<String> classes = model.metadata().featureClasses();
        RunProfile profile;
        // one scan per image: the scanner's efficiency (a model calibrated with flips scans 4 times by default)
        long t0 = System.nanoTime();
        try (Localiser localiser = new Localiser(model, config.withFlips(LocaliserConfig.Flips.OFF))) {
            // the benchmark's JVM has trained and loaded the model already: start-up here is the localiser's set-up
            profile = profile(RunProfile.afterSetUp((System.nanoTime() - t0) / 1e9), localiser, images, (img, r) -> {
                encodePng(Renderings.heatMap(r));
                encodePng(Renderings.overlay(img, r.detections(), classes, null, r.grid().offset() / r.imageScale()));
            });
        }
        section(md, peak, model.metadata().architecture(), config.stride(), model.metadata().imageScale(), profile);
        return profile;
    }

    private static void encodePng(BufferedImage image) {
        try {
            ImageFiles.encodePng(image, new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Achieved GFLOPS of a scan at {@code secondsPerMegapixel}. */
    public static double scanGflops(Architecture arch, int stride, double secondsPerMegapixel) {
        return FlopCount.gflopPerMegapixel(arch, stride) / secondsPerMegapixel;
    }

    /** As {@link #section(Markdown, MachinePeak, Architecture, int, double, RunProfile)} for images scanned unscaled. */
    public static void section(Markdown md, MachinePeak peak, Architecture arch, int stride, RunProfile profile) {
        section(md, peak, arch, stride, 1.0, profile);
    }

    /**
     * Appends the section (heading level 2). Scan figures are medians over the profiled images, per megapixel of the
     * original image; a model that scans images scaled by {@code imageScale} (shoots: 0.5) does the network's work on
     * imageScale^2 of those pixels, which the FLOP count takes into account.
     */
    public static void section(Markdown md, MachinePeak peak, Architecture arch, int stride, double imageScale,
            RunProfile profile) {
        double spm = profile.medianScanSecondsPerMegapixel() / (imageScale * imageScale); // per scanned megapixel
        double gflops = scanGflops(arch, stride, spm);
        md.heading(2, "Efficiency");
        md.paragraph(Markdown.f("Matrix-multiply peak measured in this run (%dx%d float32, median of warm repetitions): "
                + "ND4J mmul (sgemm) %.0f GFLOPS, libnd4j matmul op %.0f GFLOPS. The network costs %.0f GFLOP per "
                + "megapixel at stride %d (counted layer by layer: 2 FLOPs per multiply-add of the convolutions and "
                + "fully connected layers of an ideal whole-image pass; borders, band overlaps, pools and activations "
                + "not counted). Profiled with one scan per image (flip averaging off; where a model averages flips, "
                + "its scan costs four of these). The scan's median of %.2f s per megapixel of the scanned image is %.0f GFLOPS: "
                + "**%.2f of the peak**.",
                peak.size(), peak.size(), peak.mmulGflops(), peak.matmulGflops(), FlopCount.gflopPerMegapixel(arch, stride),
                stride, spm, gflops, gflops / peak.peakGflops()));
        md.table(List.of("image", "MP", "decode s", "scan s", "scan s/MP", "peaks s", "pictures s", "minor page faults",
                "faults per peak-RSS page", "kernel share of CPU"), profile.rows());
        md.paragraph(Markdown.f("Set-up of the localiser %.2f s (the JVM, the native libraries and the model were loaded "
                + "earlier in the run; `localise --verbose` reports a cold start). These images, set-up, decoding, peaks "
                + "and pictures included, took %.2fx their summed scan time. Page faults and CPU from /proc/self/stat: faults per "
                + "peak-RSS page near 1 mean memory is touched once and reused; far above 1, memory is mapped afresh "
                + "again and again.", profile.startupSeconds(), profile.totalOverScan()));
    }
}
