package org.phenoloc.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.report.RunProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "localise", aliases = "localize", mixinStandardHelpOptions = true,
        description = {"Scan images with a trained model; write DIR/detections.csv (image,class,x,y,score),",
            "DIR/counts.csv (image,class,count) and per image NAME_heatmap.png and NAME_overlay.png."})
final class LocaliseCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "trained model file")
    Path model;

    @Option(names = "--images", required = true, description = "an image file or a folder of images")
    Path images;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--no-pictures", description = "skip the heat-map and overlay PNGs")
    boolean noPictures;

    @Option(names = "--keep-going", description = "skip unreadable images (listed in DIR/skipped.csv) instead of stopping")
    boolean keepGoing;

    @Option(names = "--verbose", description = "print each image's time split (decode, scan, peaks, pictures), page faults and kernel time")
    boolean verbose;

    @Mixin
    LocaliserOptions options;

    @Override
    public Integer call() throws Exception {
        PhenolocModel m = ModelFiles.load(model);
        Localiser localiser = new Localiser(m, options.config());
        List<Path> files = Files.isDirectory(images) ? ImageFiles.listImages(images) : List.of(images);
        if (files.isEmpty()) {
            throw new BadInputException(images, "no images (jpg, jpeg, png, tif, tiff, bmp) in this folder");
        }
        Cancellation.install();
        Progress progress = new Progress() {
            @Override
            public boolean isCancelled() {
                return Cancellation.cancelled();
            }
        };
        Files.createDirectories(out);
        ResultWriter writer = new ResultWriter(out, m.metadata().featureClasses());
        List<String[]> skipped = new ArrayList<>();
        RunProfile profile = RunProfile.start();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            LocalisationResult r;
            java.awt.image.BufferedImage img;
            try {
                profile.beginImage();
                img = ImageFiles.readRgb(f);
                profile.decoded();
                r = localiser.localise(img, f.getFileName().toString(), progress);
                profile.localised(r);
            } catch (BadInputException e) {
                if (!keepGoing) {
                    throw e;
                }
                System.err.println("skipped: " + e.getMessage());
                skipped.add(new String[] {f.getFileName().toString(), e.getMessage()});
                continue;
            }
            writer.add(r);
            if (!noPictures) {
                writer.writePictures(img, r, null);
            }
            System.out.printf(Locale.ROOT, "[%d/%d] %s: %s in %.2fs%n", i + 1, files.size(), f.getFileName(),
                    ResultWriter.countsText(r, m.metadata().featureClasses()), r.seconds());
            RunProfile.ImageProfile p = profile.endImage();
            if (verbose) {
                System.out.println(RunProfile.line(p));
            }
        }
        if (verbose) {
            System.out.println(profile.summary());
        }
        writer.finish();
        if (!skipped.isEmpty()) {
            ResultWriter.writeCsv(out.resolve("skipped.csv"), new String[] {"image", "problem"}, skipped);
        }
        System.out.println("wrote " + out.resolve("detections.csv") + " and " + out.resolve("counts.csv"));
        return skipped.isEmpty() ? 0 : 3;
    }
}
