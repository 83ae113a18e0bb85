package org.phenoloc.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;

/**
 * The job's images from its {@code --images} arguments, each a folder (its images, sorted by name, as the command line
 * lists them), an image file, or a text file ({@code .txt}/{@code .lst}) with one image URI a line; any Hadoop file
 * system (file://, hdfs://, s3a://, or a plain local path).
 */
final class ImageList {
    private ImageList() {}

    /** @param batch the partition key for every image, or null for the name of each image's parent folder */
    static List<ImageTask> list(List<String> inputs, String batch, Configuration conf) throws IOException {
        List<ImageTask> tasks = new ArrayList<>();
        for (String input : inputs) {
            for (Path p : expand(new Path(input), conf)) {
                String b = batch != null ? batch : JobSettings.batchKey(p.getParent() == null ? "" : p.getParent().getName());
                tasks.add(new ImageTask(tasks.size(), p.toString(), p.getName(), b));
            }
        }
        if (tasks.isEmpty()) {
            throw new BadInputException("--images " + String.join(", ", inputs) + ": no images ("
                    + ImageFiles.extensionList() + ")");
        }
        return tasks;
    }

    private static List<Path> expand(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new BadInputException(p.toString() + ": image file or folder not found");
        }
        FileStatus st = fs.getFileStatus(p);
        if (st.isDirectory()) {
            return Arrays.stream(fs.listStatus(p)).filter(FileStatus::isFile).map(FileStatus::getPath)
                    .filter(ImageList::isImage).sorted(Comparator.comparing(Path::getName)).toList();
        }
        String name = p.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".lst")) {
            List<Path> listed = new ArrayList<>();
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(p),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        listed.add(new Path(line.trim()));
                    }
                }
            }
            return listed;
        }
        return List.of(fs.makeQualified(p));
    }

    static boolean isImage(Path p) {
        String n = p.getName();
        int dot = n.lastIndexOf('.');
        return dot > 0 && ImageFiles.IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
