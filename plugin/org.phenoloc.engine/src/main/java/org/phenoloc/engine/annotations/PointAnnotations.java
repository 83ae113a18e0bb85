package org.phenoloc.engine.annotations;

import com.google.gson.JsonElement;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;

/**
 * Loads point annotations of a folder in any supported format, with class names mapped to the task's classes:
 * RSML ({@link RsmlReader}, root tips), CSV {@code image,class,x,y} ({@link CsvPointReader}), COCO keypoints JSON
 * ({@link CocoKeypointsReader}), LabelMe JSON ({@link LabelMeReader}), CVAT for images XML ({@link CvatXmlReader})
 * and the maize leaf-tip TSV ({@link MaizeTsvReader}).
 *
 * <p>Images are looked for in the folder and its {@code images/} subfolder (the layout CVAT and COCO exports and
 * the maize set use), annotation files also in {@code annotations/}. Image names in annotation files are matched
 * as paths relative to the annotation file or the folder, else by file name (tools often write absolute or
 * Windows paths). An image listed in an annotation file without points is loaded as annotated with no features.
 *
 * <p>Always errors: an image annotated by two files, a missing image that has points, a point outside its image,
 * and any malformed file of a supported format. Unknown classes, duplicate points (same image and class within
 * {@value #DUPLICATE_DISTANCE} px) and a stated image size that differs from the image's are errors in strict
 * mode; otherwise the points are dropped (the size is only reported) and a warning naming the file is returned.
 */
public final class PointAnnotations {
    /** Points of one class closer than this (px) in one image are duplicates (double clicks, merged exports). */
    public static final double DUPLICATE_DISTANCE = 0.5;

    /**
     * @param images   annotated images sorted by image file name
     * @param warnings problems that were worked around (dropped points, skipped shapes, ignored files); each
     *                 starts with the file it concerns
     */
    public record Result(List<AnnotatedImage> images, List<String> warnings) {
        public Result {
            images = List.copyOf(images);
            warnings = List.copyOf(warnings);
        }
    }

    private PointAnnotations() {}

    /** As {@link #loadFolder(Path, ClassMapping, boolean, double)} with the paper's minimum root length. */
    public static Result loadFolder(Path dir, ClassMapping mapping, boolean strict) {
        return loadFolder(dir, mapping, strict, RsmlReader.PAPER_MIN_ROOT_LENGTH);
    }

    /**
     * @param mapping       maps the files' class names to task classes
     * @param strict        make unknown classes, duplicate points and image size mismatches errors
     * @param minRootLength RSML roots shorter than this (px) give no root tip, see {@link RsmlReader}
     * @throws BadInputException for a missing folder, no images or no annotated image, and the errors above
     */
    public static Result loadFolder(Path dir, ClassMapping mapping, boolean strict, double minRootLength) {
        RsmlReader rsmlReader = new RsmlReader(minRootLength);
        List<Path> images = folderImages(dir);
        Loader loader = new Loader(dir, mapping, strict, images);
        for (Path file : annotationCandidates(dir)) {
            if (extension(file).equals("rsml")) {
                addRsml(loader, file, rsmlReader, images);
            } else {
                addPointFile(loader, file);
            }
        }
        if (loader.byImage.isEmpty()) {
            throw new BadInputException(dir, "no annotated images (looked for RSML, CSV, COCO keypoints, LabelMe,"
                    + " CVAT XML and maize TSV annotations in the folder and its images/ and annotations/"
                    + " subfolders)" + (loader.warnings.isEmpty() ? "" : "; " + String.join("; ", loader.warnings)));
        }
        AnnotationLoader.unannotatedWarning(dir, loader.images.keySet(), loader.byImage)
                .ifPresent(loader.warnings::add);
        if (!loader.unknown.isEmpty() && loader.byImage.values().stream().allMatch(a -> a.features().isEmpty())) {
            // every image would teach "no features here": surely a missing class mapping, not a data set
            throw new BadInputException(dir, "no annotated point has a known class (unknown: " + loader.unknown
                    + "; known: " + mapping.targets() + "); map the classes in a class mapping");
        }
        return new Result(AnnotationLoader.sortedByFileName(loader.byImage.values()), loader.warnings);
    }

    /**
     * The images of the folder, then those of its {@code images/} subfolder.
     *
     * @throws BadInputException if {@code dir} is no folder or neither holds an image
     */
    private static List<Path> folderImages(Path dir) {
        List<Path> images = new ArrayList<>(ImageFiles.listImages(dir)); // also checks that dir is a folder
        if (Files.isDirectory(dir.resolve("images"))) {
            images.addAll(ImageFiles.listImages(dir.resolve("images")));
        }
        if (images.isEmpty()) {
            throw new BadInputException(dir, "no images in this folder or its images/ subfolder");
        }
        return images;
    }

    /** Adds an RSML file's root tips (as points of its image) and its roots (as structures). */
    private static void addRsml(Loader loader, Path file, RsmlReader rsmlReader, List<Path> images) {
        // root tips go through the mapping too, so a restricted mapping can refuse them
        AnnotatedImage roots = rsmlReader.read(file, AnnotationLoader.imageFor(file, images));
        List<PointFile.LabelledPoint> tips = roots.features().stream()
                .map(f -> new PointFile.LabelledPoint(f.className(), f.x(), f.y())).toList();
        String image = roots.image().toAbsolutePath().toString();
        loader.add(new PointFile(file, List.of(new PointFile.ImagePoints(image, 0, 0, tips)), List.of()),
                roots.structures());
    }

    /**
     * Adds the points of a file of any other supported format. A file of no supported format is skipped (with a
     * warning if its extension suggests annotations), and so, unless strict, is a JSON file that does not parse and
     * does not look like annotations.
     */
    private static void addPointFile(Loader loader, Path file) {
        String ext = extension(file);
        Optional<PointFile> points;
        try {
            points = readFile(file);
        } catch (BadInputException e) {
            if (loader.strict || !ext.equals("json") || !unparseable(e) || looksLikeAnnotations(file)) {
                throw e;
            }
            // a broken JSON file of another kind (settings, notes of another tool) must not block the folder
            loader.warnings.add(e.getMessage() + "; ignored");
            return;
        }
        if (points.isPresent()) {
            loader.add(points.get(), List.of());
        } else if (List.of("json", "xml", "csv", "tsv").contains(ext)) {
            loader.warnings.add(file + ": not a supported annotation format (COCO keypoints, LabelMe, CVAT"
                    + " XML, CSV image,class,x,y, maize TSV fn,targets)"
                    + (ext.equals("csv") ? "; as a point CSV: " + CsvPointReader.headerProblem(file) : "")
                    + "; ignored");
        }
    }

    /**
     * Reads one point annotation file of a supported format other than RSML (which needs its image).
     *
     * @return the points with the file's own labels, or empty if the file is of no supported format
     * @throws BadInputException if the file looks like a supported format but is malformed (a .json file must
     *                           be valid JSON)
     */
    public static Optional<PointFile> readFile(Path file) {
        switch (extension(file)) {
            case "json" -> {
                JsonElement root = JsonFiles.read(file);
                if (CocoKeypointsReader.isCoco(root)) {
                    return Optional.of(CocoKeypointsReader.read(file, root.getAsJsonObject()));
                }
                if (LabelMeReader.isLabelMe(root)) {
                    return Optional.of(LabelMeReader.read(file, root.getAsJsonObject()));
                }
            }
            case "xml" -> {
                if (CvatXmlReader.isCvat(file)) {
                    return Optional.of(CvatXmlReader.read(file));
                }
            }
            case "csv", "tsv", "txt" -> {
                if (CsvPointReader.hasPointHeader(file)) {
                    List<PointFile.ImagePoints> images = new ArrayList<>();
                    CsvPointReader.read(file).forEach((image, features) -> images.add(new PointFile.ImagePoints(
                            image, 0, 0, features.stream()
                                    .map(f -> new PointFile.LabelledPoint(f.className(), f.x(), f.y())).toList())));
                    return Optional.of(new PointFile(file, images, List.of()));
                }
                if (MaizeTsvReader.hasHeader(file)) {
                    return Optional.of(MaizeTsvReader.read(file));
                }
            }
            default -> {
                // not an annotation file (images, notes, ...)
            }
        }
        return Optional.empty();
    }

    /** Collects the annotated images of a folder, file by file. */
    private static final class Loader {
        final Path dir;
        final ClassMapping mapping;
        final boolean strict;
        final Map<Path, Path> images = new LinkedHashMap<>(); // absolute normalised → as listed
        final Map<Path, Dimension> sizes = new HashMap<>();
        final Map<Path, AnnotatedImage> byImage = new TreeMap<>();
        final List<String> warnings = new ArrayList<>();
        final Set<String> unknown = new TreeSet<>(); // unknown class names over all files

        Loader(Path dir, ClassMapping mapping, boolean strict, List<Path> images) {
            this.dir = dir;
            this.mapping = mapping;
            this.strict = strict;
            images.forEach(i -> this.images.put(i.toAbsolutePath().normalize(), i));
        }

        /** @param structures the structures of the file's single image (RSML), else empty */
        void add(PointFile file, List<List<Point>> structures) {
            warnings.addAll(file.warnings());
            Map<Path, List<Feature>> features = new LinkedHashMap<>(); // an image may appear more than once
            Map<String, Integer> unknown = new TreeMap<>();
            for (PointFile.ImagePoints entry : file.images()) {
                Path image = resolve(file.file(), entry.image());
                if (image == null) {
                    if (!entry.points().isEmpty()) {
                        throw new BadInputException(file.file(), "image '" + entry.image() + "' not found in "
                                + dir + " or its images/ subfolder");
                    }
                    warnings.add(file.file() + ": image '" + entry.image() + "' (no points) not found; skipped");
                    continue;
                }
                Dimension size = checkSize(file.file(), image, entry);
                List<Feature> list = features.computeIfAbsent(image, k -> new ArrayList<>());
                for (PointFile.LabelledPoint p : entry.points()) {
                    checkInside(file.file(), image, size, p);
                    Optional<String> target = mapping.map(p.label());
                    if (target.isEmpty()) {
                        unknown.merge(p.label(), 1, Integer::sum);
                    } else if (!target.get().equals(ClassMapping.IGNORE)) {
                        list.add(new Feature(target.get(), p.x(), p.y()));
                    }
                }
            }
            if (!unknown.isEmpty()) {
                this.unknown.addAll(unknown.keySet());
                report(file.file(), "unknown class(es) " + unknown.entrySet().stream()
                        .map(e -> "'" + e.getKey() + "' (" + e.getValue() + " point" + (e.getValue() == 1 ? "" : "s")
                                + ")").collect(Collectors.joining(", "))
                        + (strict ? "" : " skipped") + "; known classes: " + mapping.targets() + otherTask(unknown.keySet())
                        + "; add e.g. '" + unknown.keySet().iterator().next() + "=<class>' (or '=-' to ignore it)"
                        + " to the class mapping");
            }
            features.forEach((image, list) -> put(new AnnotatedImage(image, file.file(),
                    withoutDuplicates(file.file(), image, list), structures)));
        }

        /** A hint when unknown classes are classes of the other task (root tips in a shoots folder). */
        private String otherTask(Collection<String> found) {
            List<String> other = found.stream().map(c -> ClassMapping.defaults().map(c)).flatMap(Optional::stream)
                    .filter(c -> !c.equals(ClassMapping.IGNORE) && !mapping.targets().contains(c)).distinct().sorted()
                    .toList();
            return other.isEmpty() ? "" : " (" + other + " belong to another task: --task roots or shoots)";
        }

        /** The listed image an annotation names, or null if none. */
        private Path resolve(Path annotation, String name) {
            String n = name.strip();
            for (Path base : List.of(annotation.toAbsolutePath().getParent(), dir.toAbsolutePath())) {
                try {
                    Path image = images.get(base.resolve(n).normalize());
                    if (image != null) {
                        return image;
                    }
                } catch (InvalidPathException e) {
                    // e.g. a Windows path on Linux: fall back to the file name
                }
            }
            String fileName = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
            List<Path> found = images.values().stream()
                    .filter(i -> i.getFileName().toString().equals(fileName)).toList();
            if (found.isEmpty()) { // exports from Windows tools may differ in letter case
                found = images.values().stream()
                        .filter(i -> i.getFileName().toString().equalsIgnoreCase(fileName)).toList();
            }
            if (found.size() > 1) {
                throw new BadInputException(annotation, "image '" + name + "' is ambiguous: " + found);
            }
            return found.isEmpty() ? null : found.get(0);
        }

        private Dimension checkSize(Path annotation, Path image, PointFile.ImagePoints entry) {
            Dimension size = sizes.computeIfAbsent(image, ImageFiles::size);
            if ((entry.width() > 0 && entry.width() != size.width)
                    || (entry.height() > 0 && entry.height() != size.height)) {
                // likely annotated on a resized copy, so the points would be misplaced
                report(annotation, "image " + image.getFileName() + " is " + size.width + " x " + size.height
                        + " px but the annotation states " + entry.width() + " x " + entry.height() + " px");
            }
            return size;
        }

        /** Points may lie anywhere on the image, edges included (pixel-corner coordinates run 0..width). */
        private static void checkInside(Path annotation, Path image, Dimension size, PointFile.LabelledPoint p) {
            if (p.x() < 0 || p.y() < 0 || p.x() > size.width || p.y() > size.height) {
                throw new BadInputException(annotation, "point " + p.label() + " (" + p.x() + ", " + p.y()
                        + ") is outside the image " + image.getFileName() + " (" + size.width + " x "
                        + size.height + " px)");
            }
        }

        private List<Feature> withoutDuplicates(Path annotation, Path image, List<Feature> features) {
            List<Feature> kept = new ArrayList<>();
            for (Feature f : features) {
                Optional<Feature> same = kept.stream().filter(k -> k.className().equals(f.className())
                        && k.point().distance(f.point()) <= DUPLICATE_DISTANCE).findFirst();
                if (same.isPresent()) {
                    report(annotation, "image " + image.getFileName() + ": duplicate " + f.className() + " at ("
                            + f.x() + ", " + f.y() + "), within " + DUPLICATE_DISTANCE + " px of (" + same.get().x()
                            + ", " + same.get().y() + ")" + (strict ? "" : "; dropped"));
                } else {
                    kept.add(f);
                }
            }
            return kept;
        }

        private void put(AnnotatedImage a) {
            AnnotatedImage before = byImage.putIfAbsent(a.image().toAbsolutePath().normalize(), a);
            if (before != null) {
                throw new BadInputException(a.annotation(), "image " + a.image().getFileName()
                        + " is already annotated by " + before.annotation() + "; use one annotation file per image");
            }
        }

        /** An error in strict mode, else a warning. */
        private void report(Path file, String problem) {
            if (strict) {
                throw new BadInputException(file, problem);
            }
            warnings.add(file + ": " + problem);
        }
    }

    /** Regular, non-hidden files of the folder and its images/ and annotations/ subfolders, sorted. */
    private static List<Path> annotationCandidates(Path dir) {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(dir, dir.resolve("images"), dir.resolve("annotations"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path p : entries) {
                    if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
                        files.add(p);
                    }
                }
            } catch (IOException e) {
                throw new BadInputException(folder, "cannot list folder: " + e.getMessage(), e);
            }
        }
        files.sort(null);
        return files;
    }

    /** A JSON file that is no JSON at all (then it is no annotation of ours either); malformed COCO stays an error. */
    private static boolean unparseable(BadInputException e) {
        String m = e.getMessage();
        return m.contains("malformed JSON") || m.contains("empty JSON") || m.contains("not UTF-8");
    }

    /** Whether a (broken) JSON file mentions the keys of COCO or LabelMe, so it is meant as annotations. */
    private static boolean looksLikeAnnotations(Path file) {
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return List.of("\"shapes\"", "\"annotations\"", "\"keypoints\"", "\"categories\"").stream()
                    .anyMatch(text::contains);
        } catch (IOException e) {
            return false;
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
