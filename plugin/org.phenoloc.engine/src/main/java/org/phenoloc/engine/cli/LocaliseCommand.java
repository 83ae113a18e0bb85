package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
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

    @Option(names = "--out", required = true, description = "output folder (not the --images folder)")
    Path out;

    @Option(names = "--no-pictures", description = "skip the heat-map and overlay PNGs")
    boolean noPictures;

    @Option(names = "--keep-going", description = "skip unreadable images (listed in DIR/skipped.csv) instead of stopping")
    boolean keepGoing;

    @Option(names = "--verbose", description = "print each image's time split (decode, scan, peaks, pictures), page faults and kernel time")
    boolean verbose;
    @Option(names = "--overwrite", description = "replace the outputs of an earlier run in DIR (they are removed first)")
    boolean overwrite;

    @Mixin
    LocaliserOptions options;

    @Override
    public Integer call() throws Exception {
        options.config(); // settings first: cheap to check
        CommandChecks.modelFile(model);
        List<Path> files = inputImages();
        try (OutputFolder folder = OutputFolder.prepare(out, OutputFolder.Outputs.LOCALISE, overwrite, List.of(images))) {
            PhenolocModel m = ModelFiles.load(model);
            return localise(new Localiser(m, options.config(m)), m.metadata().featureClasses(), files);
        }
    }

    private List<Path> inputImages() {
        if (!Files.isDirectory(images)) {
            if (!Files.exists(images)) {
                throw new BadInputException(images, "image file or folder not found");
            }
            return List.of(images);
        }
        List<Path> files = ImageFiles.listImages(images);
        List<String> unsupported = ImageFiles.unsupportedImages(images);
        if (!unsupported.isEmpty()) {
            System.err.println("warning: " + images + ": skipped " + unsupported.size() + " image(s) of an unsupported"
                    + " format (supported: " + ImageFiles.extensionList() + "): " + String.join(", ", unsupported));
        }
        if (files.isEmpty()) {
            throw new BadInputException(images, "no images (" + ImageFiles.extensionList() + ") in this folder");
        }
        return files;
    }

    private int localise(Localiser localiser, List<String> classes, List<Path> files) throws java.io.IOException {
        Progress progress = new Progress() {
            @Override
            public boolean isCancelled() {
                return Cancellation.cancelled();
            }
        };
        ResultWriter writer = new ResultWriter(out, classes, files.stream().map(f -> f.getFileName().toString()).toList());
        List<String[]> skipped = new ArrayList<>();
        RunProfile profile = RunProfile.start();
        System.out.println("localising " + files.size() + " image(s) into " + out);
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            Path f = files.get(i);
            BufferedImage img;
            LocalisationResult r;
            try {
                profile.beginImage();
                img = ImageFiles.readRgb(f);
                profile.decoded();
                r = localiser.localise(img, f.getFileName().toString(), new BandProgress(progress, i, files.size(), f));
                profile.localised(r);
            } catch (BadInputException e) {
                BadInputException named = CommandChecks.naming(e, f);
                if (!keepGoing) {
                    throw named;
                }
                System.err.println("skipped: " + named.getMessage());
                skipped.add(new String[] {f.getFileName().toString(), named.getMessage()});
                continue;
            }
            writer.add(r);
            if (!noPictures) {
                writer.writePictures(img, r, null);
                Cancellation.kept("heat maps and overlays of " + (i + 1 - skipped.size()) + " of " + files.size()
                        + " images in " + out + " (detections.csv and counts.csv are written only by a finished run)");
            }
            System.out.printf(Locale.ROOT, "[%d/%d] %s: %s in %.2fs%n", i + 1, files.size(), f.getFileName(),
                    ResultWriter.countsText(r, classes), r.seconds());
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
