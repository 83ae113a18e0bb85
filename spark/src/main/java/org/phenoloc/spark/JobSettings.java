package org.phenoloc.spark;

import java.util.List;
import java.util.regex.Pattern;

import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.LocaliserConfig;

/**
 * The job's validated settings.
 *
 * @param model      model file URI
 * @param images     folders, image files or list files (URIs)
 * @param out        output folder URI
 * @param batch      partition key for all images, or null for each image's parent folder name
 * @param config     localisation settings (as the command line's --stride, --threshold, --radius)
 * @param partitions Spark partitions to split the images into (0: from the cluster's parallelism)
 */
record JobSettings(String model, List<String> images, String out, String batch, LocaliserConfig config, int partitions) {
    private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9._-]+");

    JobSettings {
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new BadInputException("--images: give at least one folder, image or list of images");
        }
        if (batch != null && !BATCH.matcher(batch).matches()) {
            throw new BadInputException("--batch " + batch + ": use letters, digits, '.', '_' and '-' only (it names"
                    + " the output partition folder batch=" + batch + ")");
        }
        if (partitions < 0) {
            throw new BadInputException("--partitions " + partitions + ": must be >= 0 (0: from the cluster)");
        }
    }

    /** A folder name as a batch key: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String batchKey(String folderName) {
        String k = folderName.replaceAll("[^A-Za-z0-9._-]", "_");
        return k.isEmpty() ? "root" : k;
    }
}
