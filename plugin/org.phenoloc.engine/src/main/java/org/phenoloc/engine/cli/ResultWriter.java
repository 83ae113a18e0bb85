package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.localisation.DetectionCsv;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Renderings;

/**
 * Writes localisation results in the command-line contract: {@code detections.csv} with header
 * {@code image,class,x,y,score} (x, y in original-image pixels), {@code counts.csv} with {@code image,class,count},
 * and per image {@code NAME_heatmap.png} and {@code NAME_overlay.png}, NAME being the file name without extension,
 * or the whole file name ({@code a.jpg_heatmap.png}) when several images share a stem ({@code a.jpg}, {@code a.png}),
 * so no picture overwrites another. CSVs are written atomically at the end; pictures as each image finishes
 * (thread safe: workers write pictures concurrently, {@link #add} is called by one thread).
 */
final class ResultWriter {
    private final Path out;
    private final List<String> classes;
    private final List<String[]> detections = new ArrayList<>();
    private final List<String[]> counts = new ArrayList<>();
    private final Set<String> sharedStems;

    /** @param images the file names of all images of the run (to tell apart images that share a stem) */
    ResultWriter(Path out, List<String> classes, Collection<String> images) {
        this.out = out;
        this.classes = classes;
        Map<String, Long> stems = images.stream().distinct().collect(Collectors.groupingBy(ResultWriter::stem, Collectors.counting()));
        this.sharedStems = stems.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The prefix of an image's pictures: its stem, or its whole name if another image has the same stem. */
    String pictureName(String image) {
        String stem = stem(image);
        return sharedStems.contains(stem) ? image : stem;
    }

    private static String stem(String name) {
        return name.replaceFirst("\\.[^.]+$", "");
    }

    void add(LocalisationResult r) {
        add(r.image(), detectionRows(r));
    }

    /** Adds one image's rows of detections.csv (as {@link #detectionRows} made them) and its rows of counts.csv. */
    void add(String image, List<String[]> imageDetections) {
        detections.addAll(imageDetections);
        counts.addAll(DetectionCsv.counts(image, classes, imageDetections));
    }

    /** An image's rows of detections.csv: image, class, x, y (0.1 px), score (5 decimals). */
    static List<String[]> detectionRows(LocalisationResult r) {
        return DetectionCsv.rows(r);
    }

    void writePictures(BufferedImage image, LocalisationResult r, List<Point> truth) {
        writePictures(image, r, truth, List.of());
    }

    /** @param onOtherRoots annotated points that lie on another root, drawn as diagonal crosses (not in {@code truth}) */
    void writePictures(BufferedImage image, LocalisationResult r, List<Point> truth, List<Point> onOtherRoots) {
        String stem = pictureName(r.image());
        ImageFiles.writePng(out.resolve(stem + "_heatmap.png"), Renderings.heatMap(r));
        double radius = r.grid().offset() / r.imageScale();
        ImageFiles.writePng(out.resolve(stem + "_overlay.png"),
                Renderings.overlay(image, r.detections(), classes, truth, onOtherRoots, radius));
    }

    void finish() throws IOException {
        writeCsv(out.resolve("detections.csv"), new String[] {"image", "class", "x", "y", "score"}, detections);
        writeCsv(out.resolve("counts.csv"), new String[] {"image", "class", "count"}, counts);
    }

    static void writeCsv(Path file, String[] header, List<String[]> rows) throws IOException {
        writeCsv(file, header, rows, false);
    }

    static void writeCsv(Path file, String[] header, List<String[]> rows, boolean sync) throws IOException {
        AtomicFiles.write(file, os -> {
            var w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').build())) {
                for (String[] r : rows) {
                    p.printRecord((Object[]) r);
                }
                p.flush();
            }
        }, sync);
    }

    static String countsText(LocalisationResult r, List<String> classes) {
        StringBuilder sb = new StringBuilder();
        for (String c : classes) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.count(c)).append(' ').append(c);
        }
        return sb.toString();
    }
}
