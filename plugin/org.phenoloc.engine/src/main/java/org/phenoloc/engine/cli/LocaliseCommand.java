package org.phenoloc.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.LocaliserPool;
import org.phenoloc.engine.localisation.Workers;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;

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

    @Option(names = "--workers", paramLabel = "N", description = {"images scanned at once, each by its own worker"
        + " sharing the loaded model (memory per worker as for one scan); default: " + Workers.DEFAULT_TEXT})
    Integer workers;

    @Option(names = "--resume", description = "finish an interrupted run in DIR: images whose results are complete are"
            + " not scanned again (the model file and settings must be the interrupted run's)")
    boolean resume;

    @Mixin
    LocaliserOptions options;

    @Override
    public Integer call() throws Exception {
        options.config(); // settings first: cheap to check
        int w = Workers.resolve(workers);
        if (resume && overwrite) {
            throw new BadInputException("--resume and --overwrite exclude each other: --resume finishes the interrupted"
                    + " run in " + out + ", --overwrite starts over");
        }
        CommandChecks.modelFile(model);
        List<Path> files = inputImages();
        w = Math.min(w, files.size()); // no idle workers holding scan buffers
        try (OutputFolder folder = resume ? OutputFolder.resume(out, OutputFolder.Outputs.LOCALISE, List.of(images))
                : OutputFolder.prepare(out, OutputFolder.Outputs.LOCALISE, overwrite, List.of(images))) {
            PhenolocModel m = ModelFiles.load(model);
            LocaliserConfig config = options.config(m);
            boolean resuming = resume && PartialResults.exists(out);
            PartialResults records = resuming ? PartialResults.resume(out, model, config)
                    : PartialResults.start(out, model, config);
            try (LocaliserPool pool = new LocaliserPool(m, config, w)) {
                LocaliseRun.Settings s = new LocaliseRun.Settings(out, files, m.metadata().featureClasses(), !noPictures,
                        keepGoing, verbose, w);
                return new LocaliseRun(s, pool, records).run(resuming);
            }
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
}
