package org.phenoloc.engine.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
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
    public static RunProfile profile(Localiser localiser, List<Path> images,
            BiConsumer<BufferedImage, LocalisationResult> pictures) {
        RunProfile profile = RunProfile.start();
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

    /** Achieved GFLOPS of a scan at {@code secondsPerMegapixel}. */
    public static double scanGflops(Architecture arch, int stride, double secondsPerMegapixel) {
        return FlopCount.gflopPerMegapixel(arch, stride) / secondsPerMegapixel;
    }

    /** Appends the section (heading level 2). Scan figures are medians over the profiled images. */
    public static void section(Markdown md, MachinePeak peak, Architecture arch, int stride, RunProfile profile) {
        double spm = profile.medianScanSecondsPerMegapixel();
        double gflops = scanGflops(arch, stride, spm);
        md.heading(2, "Efficiency");
        md.paragraph(Markdown.f("Matrix-multiply peak measured in this run (%dx%d float32, median of warm repetitions): "
                + "ND4J mmul (sgemm) %.0f GFLOPS, libnd4j matmul op %.0f GFLOPS. The network costs %.0f GFLOP per "
                + "megapixel at stride %d (counted layer by layer: 2 FLOPs per multiply-add of the convolutions and "
                + "fully connected layers of an ideal whole-image pass; borders, band overlaps, pools and activations "
                + "not counted). The scan's median of %.2f s per megapixel is %.0f GFLOPS: **%.2f of the peak**.",
                peak.size(), peak.size(), peak.mmulGflops(), peak.matmulGflops(), FlopCount.gflopPerMegapixel(arch, stride),
                stride, spm, gflops, gflops / peak.peakGflops()));
        md.table(List.of("image", "MP", "decode s", "scan s", "scan s/MP", "peaks s", "pictures s", "minor page faults",
                "faults per peak-RSS page", "kernel share of CPU"), profile.rows());
        md.paragraph(Markdown.f("Start-up (JVM, model, native libraries) %.2f s. The whole run, start-up and pictures "
                + "included, took %.2fx the summed scan time. Page faults and CPU from /proc/self/stat: faults per "
                + "peak-RSS page near 1 mean memory is touched once and reused; far above 1, memory is mapped afresh "
                + "again and again.", profile.startupSeconds(), profile.totalOverScan()));
    }
}
