package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.ModelFiles;

/**
 * Run by the benchmark in a child JVM: localises one large generated image (heat map and binary map included) and
 * prints the process's peak resident memory, so localisation memory is measured apart from training.
 * Usage: MemoryProbe MODEL WIDTH HEIGHT
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        var model = ModelFiles.load(Path.of(args[0]));
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                line[x] = 0x3040c0 + r.nextInt(32);
            }
            img.setRGB(0, y, w, 1, line, 0, w);
        }
        long t0 = System.nanoTime();
        var result = new Localiser(model, LocaliserConfig.defaults()).localise(img, "probe.png", Progress.NONE);
        Renderings.heatMap(result);
        Renderings.binaryMap(result, 0, 0.99);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "probe %dx%d seconds %.2f peak %s%n", w, h, s, BenchmarkCommand.peakMemory());
    }
}
