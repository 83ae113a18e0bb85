package org.phenoloc.engine.annotations;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;

/**
 * Loads an annotated image folder: each image {@code X.ext} with the RSML file {@code X.rsml} beside it (or the
 * RSML whose {@code file-key} names it), and/or point CSV files ({@code *.csv} with header image,class,x,y; image
 * names relative to the folder). Images without annotations are skipped; annotations without their image, an
 * image annotated twice, and points outside their image are errors.
 */
public final class AnnotationLoader {
    private static final String LOOKED_FOR = "looked for images (*." + String.join(", *.",
            ImageFiles.IMAGE_EXTENSIONS.stream().sorted().toList()) + ") each with an X.rsml beside it, and *.csv"
            + " files with header " + String.join(",", CsvPointReader.COLUMNS);

    private AnnotationLoader() {}

    /**
     * @param minRootLength roots shorter than this (px) give no root tip, see {@link RsmlReader}
     * @return the annotated images, sorted by image file name
     * @throws BadInputException for a missing or empty folder, no annotated image, an annotation whose image is
     *                           missing, unreadable annotations or images, or a point outside its image
     */
    public static List<AnnotatedImage> loadFolder(Path dir, double minRootLength) {
        return loadFolder(dir, minRootLength, null, w -> {});
    }

    /**
     * As {@link #loadFolder(Path, double)}, reporting everything that is dropped: CSV rows whose class is not one
     * of {@code classes} (names mapped by the built-in aliases, e.g. "Root Tip"), CSV files without the point
     * header, and images without annotations. Each warning names the file(s) and counts what was dropped.
     *
     * @param classes the task's feature classes, or null to keep every CSV row as it is
     * @throws BadInputException also when CSV rows exist but none has a class of {@code classes}
     */
    public static List<AnnotatedImage> loadFolder(Path dir, double minRootLength, Collection<String> classes,
            Consumer<String> warn) {
        RsmlReader rsmlReader = new RsmlReader(minRootLength);
        List<Path> images = ImageFiles.listImages(dir); // also checks that dir is a folder
        FolderFiles files = FolderFiles.list(dir, warn);
        if (images.isEmpty()) {
            throw new BadInputException(dir, "no images in this folder (" + LOOKED_FOR + ")");
        }

        Map<Path, AnnotatedImage> byImage = new TreeMap<>();
        for (Path rsml : files.rsmls()) {
            Path image = imageFor(rsml, images);
            put(byImage, rsmlReader.read(rsml, image));
        }
        Map<String, Integer> unknown = readCsvs(dir, files.csvs(), classes, byImage, warn);
        checkAnnotated(dir, byImage, files, unknown, classes);
        unannotatedWarning(dir, images, byImage).ifPresent(warn);

        for (AnnotatedImage a : byImage.values()) {
            checkInside(a);
        }
        return List.copyOf(sortedByFileName(byImage.values()));
    }

    /**
     * The annotation files of a folder: RSML files and point CSVs. A CSV without the point header is ignored with a
     * warning, which is also kept for the error when nothing is annotated.
     */
    private record FolderFiles(List<Path> rsmls, List<Path> csvs, List<String> ignored) {

        /** @throws BadInputException if the folder has no (non-hidden) files */
        static FolderFiles list(Path dir, Consumer<String> warn) {
            List<Path> files = files(dir);
            if (files.isEmpty()) {
                throw new BadInputException(dir, "folder is empty (" + LOOKED_FOR + ")");
            }
            List<Path> rsmls = new ArrayList<>();
            List<Path> csvs = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            for (Path p : files) {
                String ext = extension(p);
                if (ext.equals("rsml")) {
                    rsmls.add(p);
                } else if (ext.equals("csv") && CsvPointReader.hasPointHeader(p)) {
                    csvs.add(p);
                } else if (ext.equals("csv")) {
                    String problem = p + ": not a point CSV, " + CsvPointReader.headerProblem(p) + "; ignored";
                    warn.accept(problem);
                    ignored.add(problem);
                }
            }
            return new FolderFiles(rsmls, csvs, ignored);
        }
    }

    /**
     * Adds the images of each point CSV to {@code byImage}, with only the rows of {@code classes} (all rows if null),
     * and warns per file about the rows dropped.
     *
     * @return the dropped rows over all files, counted per class name
     * @throws BadInputException for a CSV naming an image that is not in {@code dir}
     */
    private static Map<String, Integer> readCsvs(Path dir, List<Path> csvs, Collection<String> classes,
            Map<Path, AnnotatedImage> byImage, Consumer<String> warn) {
        Map<String, Integer> unknown = new TreeMap<>();
        for (Path csv : csvs) {
            CsvClasses kept = new CsvClasses(classes);
            for (Map.Entry<String, List<Feature>> e : CsvPointReader.read(csv).entrySet()) {
                Path image = dir.resolve(e.getKey());
                if (!Files.isRegularFile(image)) {
                    throw new BadInputException(csv, "image '" + e.getKey() + "' not found in " + dir);
                }
                put(byImage, new AnnotatedImage(image, csv, kept.filter(e.getValue()), List.of()));
            }
            kept.report(csv, warn);
            kept.unknown.forEach((c, n) -> unknown.merge(c, n, Integer::sum));
        }
        return unknown;
    }

    /**
     * @throws BadInputException if no image is annotated (naming the ignored files), or if only CSVs annotate and
     *                           every point of theirs had a class outside {@code classes}
     */
    private static void checkAnnotated(Path dir, Map<Path, AnnotatedImage> byImage, FolderFiles files,
            Map<String, Integer> unknown, Collection<String> classes) {
        if (byImage.isEmpty()) {
            throw new BadInputException(dir, "no annotated images in " + dir + " (" + LOOKED_FOR + ")"
                    + (files.ignored().isEmpty() ? "" : "; " + String.join("; ", files.ignored())));
        }
        if (!unknown.isEmpty() && files.rsmls().isEmpty()
                && byImage.values().stream().allMatch(a -> a.features().isEmpty())) {
            throw new BadInputException(dir, "no annotated point has a class of this task (found " + unknown.keySet()
                    + "; expected " + classes + ")" + CsvClasses.otherTask(unknown.keySet(), classes));
        }
    }

    /**
     * The warning about the {@code images} no annotation names ({@code byImage} is keyed by absolute normalised
     * path): {@code dir: N image(s) without annotations skipped: a.png, ...}; empty if every image is annotated.
     */
    static Optional<String> unannotatedWarning(Path dir, Collection<Path> images, Map<Path, AnnotatedImage> byImage) {
        List<String> unannotated = images.stream().filter(i -> !byImage.containsKey(i.toAbsolutePath().normalize()))
                .map(i -> i.getFileName().toString()).toList();
        return unannotated.isEmpty() ? Optional.empty()
                : Optional.of(dir + ": " + unannotated.size() + " image(s) without annotations skipped: "
                        + String.join(", ", unannotated));
    }

    /** A sorted copy: by image file name, then by the image's whole path. */
    static List<AnnotatedImage> sortedByFileName(Collection<AnnotatedImage> annotated) {
        List<AnnotatedImage> result = new ArrayList<>(annotated);
        result.sort(Comparator.comparing((AnnotatedImage a) -> a.image().getFileName().toString())
                .thenComparing(a -> a.image().toString()));
        return result;
    }

    /** The image an RSML file annotates: same stem beside it, else the one its file-key names. */
    static Path imageFor(Path rsml, List<Path> images) {
        String stem = stem(rsml);
        Optional<Path> sameStem = single(rsml, images, stem);
        if (sameStem.isPresent()) {
            return sameStem.get();
        }
        Optional<String> key = RsmlReader.fileKey(rsml);
        if (key.isPresent()) {
            // RootNav writes the stem; other tools may write the full file name.
            Path named = rsml.resolveSibling(key.get());
            if (images.contains(named)) {
                return named;
            }
            Optional<Path> keyStem = single(rsml, images, key.get());
            if (keyStem.isPresent()) {
                return keyStem.get();
            }
            throw new BadInputException(rsml, "its image '" + key.get() + "' (rsml file-key) is missing, and there"
                    + " is no image " + stem + ".* beside it");
        }
        throw new BadInputException(rsml, "no image " + stem + ".* beside it and no file-key naming its image");
    }

    /** The image with this stem, if any; two (e.g. X.jpg and X.png) are ambiguous. */
    private static Optional<Path> single(Path annotation, List<Path> images, String stem) {
        List<Path> found = images.stream().filter(i -> stem(i).equals(stem)).toList();
        if (found.size() > 1) {
            throw new BadInputException(annotation, "ambiguous: several images are named " + stem + ".*: "
                    + found.stream().map(p -> p.getFileName().toString()).toList());
        }
        return found.stream().findFirst();
    }

    private static void put(Map<Path, AnnotatedImage> byImage, AnnotatedImage a) {
        AnnotatedImage before = byImage.putIfAbsent(a.image().toAbsolutePath().normalize(), a);
        if (before != null) {
            throw new BadInputException(a.annotation(), "image " + a.image().getFileName()
                    + " is already annotated by " + before.annotation() + "; use one annotation file per image");
        }
    }

    /** Points may lie anywhere on the image, edges included (pixel-corner coordinates run 0..width). */
    private static void checkInside(AnnotatedImage a) {
        Dimension size = ImageFiles.size(a.image());
        for (Feature f : a.features()) {
            if (f.x() < 0 || f.y() < 0 || f.x() > size.width || f.y() > size.height) {
                throw new BadInputException(a.annotation(), "point " + f.className() + " (" + f.x() + ", " + f.y()
                        + ") is outside the image " + a.image().getFileName() + " (" + size.width + " x "
                        + size.height + " px)");
            }
        }
    }

    private static List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list folder: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Maps a CSV's class names to the task's classes (built-in aliases) and counts the rows dropped. */
    private static final class CsvClasses {
        final Collection<String> classes;
        final ClassMapping mapping;
        final Map<String, Integer> unknown = new TreeMap<>();

        CsvClasses(Collection<String> classes) {
            this.classes = classes;
            this.mapping = classes == null ? null : ClassMapping.defaults().restrictTo(classes);
        }

        List<Feature> filter(List<Feature> features) {
            if (mapping == null) {
                return features;
            }
            List<Feature> kept = new ArrayList<>();
            for (Feature f : features) {
                Optional<String> target = mapping.map(f.className());
                if (target.isEmpty()) {
                    unknown.merge(f.className(), 1, Integer::sum);
                } else if (!target.get().equals(ClassMapping.IGNORE)) {
                    kept.add(new Feature(target.get(), f.x(), f.y()));
                }
            }
            return kept;
        }

        void report(Path csv, Consumer<String> warn) {
            if (!unknown.isEmpty()) {
                warn.accept(csv + ": " + unknown.values().stream().mapToInt(Integer::intValue).sum() + " row(s) of"
                        + " unknown class(es) dropped: " + unknown.entrySet().stream().map(e -> "'" + e.getKey() + "' ("
                        + e.getValue() + ")").collect(java.util.stream.Collectors.joining(", ")) + "; expected "
                        + classes + otherTask(unknown.keySet(), classes));
            }
        }

        /** A hint when the classes belong to the other task (e.g. leaf tips in a roots folder). */
        static String otherTask(Collection<String> found, Collection<String> classes) {
            List<String> other = found.stream().map(c -> ClassMapping.defaults().map(c)).flatMap(Optional::stream)
                    .filter(c -> !c.equals(ClassMapping.IGNORE) && !classes.contains(c)).distinct().sorted().toList();
            return other.isEmpty() ? "" : "; " + other + " belong to another task (--task shoots or roots)";
        }
    }
}
