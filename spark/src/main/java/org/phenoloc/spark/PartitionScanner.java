package org.phenoloc.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.DetectionCsv;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;

/**
 * Scans the images of one Spark partition on an executor: the model comes from the broadcast bytes, loaded once per
 * JVM ({@link ExecutorModels}); each image is copied from its file system into a task-local temporary file and
 * decoded by the engine's reader (so corrupt and truncated files are detected as on the command line). An
 * unreadable image becomes a skipped outcome, not a failed task; anything else (out of memory, a bug) fails the
 * task, which Spark retries.
 */
final class PartitionScanner implements FlatMapFunction<Iterator<ImageTask>, ImageOutcome>, Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> model;
    private final String sha256;
    private final int stride;
    private final java.util.HashMap<String, Double> thresholds;
    private final double radius;
    private final List<String> classes;
    private final SerializableConfiguration hadoop;

    PartitionScanner(Broadcast<byte[]> model, String sha256, LocaliserConfig config, List<String> classes,
            Configuration hadoop) {
        this.model = model;
        this.sha256 = sha256;
        this.stride = config.stride();
        this.thresholds = new java.util.HashMap<>(config.thresholds());
        this.radius = config.suppressionRadius();
        this.classes = List.copyOf(classes);
        this.hadoop = new SerializableConfiguration(hadoop);
    }

    @Override
    public Iterator<ImageOutcome> call(Iterator<ImageTask> tasks) throws Exception {
        List<ImageOutcome> out = new ArrayList<>();
        if (!tasks.hasNext()) {
            return out.iterator();
        }
        LocaliserConfig config = new LocaliserConfig(stride, thresholds, radius, true);
        Localiser localiser = ExecutorModels.borrow(sha256, model.value(), config);
        Path tmp = Files.createTempDirectory("phenoloc-task-");
        try {
            while (tasks.hasNext()) {
                out.add(scan(tasks.next(), localiser, tmp));
            }
        } finally {
            ExecutorModels.giveBack(sha256, config, localiser);
            org.apache.commons.io.FileUtils.deleteQuietly(tmp.toFile());
        }
        return out.iterator();
    }

    private ImageOutcome scan(ImageTask t, Localiser localiser, Path tmp) throws IOException {
        Path local = tmp.resolve(t.name());
        try {
            copy(t.uri(), local);
            BufferedImage img = ImageFiles.readRgb(local);
            boolean grey = localiser.greyForColourModel(img);
            LocalisationResult r = localiser.localise(img, t.name(), Progress.NONE);
            List<String[]> rows = DetectionCsv.rows(r);
            return new ImageOutcome(t, rows, DetectionCsv.counts(t.name(), classes, rows), null, grey);
        } catch (BadInputException e) {
            String problem = e.getMessage().replace(local.toString(), t.uri());
            return new ImageOutcome(t, List.of(), List.of(), problem.startsWith(t.uri()) ? problem : t.uri() + ": " + problem,
                    false);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private void copy(String uri, Path local) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = p.getFileSystem(hadoop.get());
        try (InputStream in = fs.open(p)) {
            Files.copy(in, local);
        } catch (java.io.FileNotFoundException e) {
            throw new BadInputException(local, "image not found");
        }
    }
}
