package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;

class PointAnnotationsTest {
    static final Path REAL_MAIZE = Path.of("../../../shared/data/shoots/maize-leaf-tips");
    private static final ClassMapping DEFAULTS = ClassMapping.defaults();

    @TempDir
    Path tmp;

    @Test
    void realMaizeTsvWithImagesSubfolder() throws IOException {
        Path tsv = REAL_MAIZE.resolve("leaf_tips_train.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(tsv), "shared real data not present");
        // count the points independently of the readers: every point has one label
        String text = Files.readString(tsv);
        int intact = count(text, "\"\"intact\"\"");
        int cut = count(text, "\"\"cut\"\"");

        PointAnnotations.Result r = PointAnnotations.loadFolder(REAL_MAIZE, DEFAULTS, true);
        assertEquals(30, r.images().size());
        assertEquals(List.of(), r.warnings());
        assertEquals("402-075-N3-WW-1_2019-06-01_06-16-41.274_Vis_SV_108.jpg",
                r.images().get(0).image().getFileName().toString());
        List<String> names = r.images().stream().map(a -> a.image().getFileName().toString()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        int total = 0;
        for (AnnotatedImage a : r.images()) {
            assertEquals(REAL_MAIZE.resolve("images"), a.image().getParent());
            assertEquals(tsv, a.annotation());
            assertTrue(a.features().size() >= 3, a.image() + ": " + a.features().size());
            for (Feature f : a.features()) {
                assertEquals("leaf_tip", f.className());
                assertTrue(f.x() >= 0 && f.x() <= 1227 && f.y() >= 0 && f.y() <= 1028, f.toString());
            }
            total += a.features().size();
        }
        assertEquals(intact + cut, total);
        assertTrue(cut > 0 && intact > cut, intact + " intact, " + cut + " cut");

        // cut (damaged) tips can be dropped, or kept as a class of their own, through the mapping
        int kept = PointAnnotations.loadFolder(REAL_MAIZE, DEFAULTS.with("cut", "-"), true).images().stream()
                .mapToInt(a -> a.features().size()).sum();
        assertEquals(intact, kept);
        long cutClass = PointAnnotations.loadFolder(REAL_MAIZE, DEFAULTS.with("cut", "leaf_tip_cut"), true)
                .images().stream().flatMap(a -> a.features().stream())
                .filter(f -> f.className().equals("leaf_tip_cut")).count();
        assertEquals(cut, cutClass);
    }

    @Test
    void everyFormatInOneFolder() throws IOException {
        for (String name : List.of("c.png", "l.png", "m.png", "r.png", "v.png", "w.png")) {
            image(tmp.resolve(name));
        }
        Files.createDirectories(tmp.resolve("images"));
        image(tmp.resolve("images/k.png"));
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\nc.png,Leaf Tip,1,2\n");
        Files.createDirectories(tmp.resolve("annotations"));
        Files.writeString(tmp.resolve("annotations/person_keypoints_default.json"), """
                {"images": [{"id": 3, "file_name": "k.png", "width": 100, "height": 80}],
                 "categories": [{"id": 1, "name": "plant", "keypoints": ["leaf_tip", "ear_tip"]}],
                 "annotations": [{"id": 1, "image_id": 3, "category_id": 1, "keypoints": [5, 6, 2, 7, 8, 2]}]}
                """);
        Files.writeString(tmp.resolve("l.json"), labelMe("C:\\\\data\\\\l.png", "tip", 9, 10));
        Files.writeString(tmp.resolve("m.tsv"), "\tfn\ttargets\n0\tm.png\t\"{\"\"x\"\": [11], \"\"y\"\": [12],"
                + " \"\"label\"\": [\"\"cut\"\"]}\"\n");
        Files.writeString(tmp.resolve("r.rsml"), "<rsml><scene><plant><root><geometry><polyline>"
                + "<point x=\"10\" y=\"10\"/><point x=\"10\" y=\"60\"/>"
                + "</polyline></geometry></root></plant></scene></rsml>");
        Files.writeString(tmp.resolve("v.xml"), "<annotations><image name=\"v.png\" width=\"100\" height=\"80\">"
                + "<points label=\"Leaf_Base\" points=\"13,14\"/></image></annotations>");
        // w.png has no annotation: not loaded, and named in a warning

        PointAnnotations.Result r = PointAnnotations.loadFolder(tmp, DEFAULTS, true);
        assertEquals(List.of(tmp + ": 1 image(s) without annotations skipped: w.png"), r.warnings());
        assertEquals(List.of("c.png", "k.png", "l.png", "m.png", "r.png", "v.png"),
                r.images().stream().map(a -> a.image().getFileName().toString()).toList());
        assertEquals(List.of(new Feature("leaf_tip", 1, 2)), r.images().get(0).features());
        assertEquals(tmp.resolve("images/k.png"), r.images().get(1).image());
        assertEquals(List.of(new Feature("leaf_tip", 5, 6), new Feature("ear_tip", 7, 8)),
                r.images().get(1).features());
        assertEquals(List.of(new Feature("leaf_tip", 9, 10)), r.images().get(2).features());
        assertEquals(List.of(new Feature("leaf_tip", 11, 12)), r.images().get(3).features());
        assertEquals(List.of(new Feature("root_tip", 10, 60)), r.images().get(4).features());
        assertEquals(1, r.images().get(4).structures().size(), "RSML keeps its root lines");
        assertEquals(List.of(new Feature("leaf_base", 13, 14)), r.images().get(5).features());
        assertEquals(tmp.resolve("v.xml"), r.images().get(5).annotation());
    }

    @Test
    void unknownClassesAreReportedOrRefused() throws IOException {
        image(tmp.resolve("a.png"));
        Path csv = Files.writeString(tmp.resolve("a.csv"), "image,class,x,y\na.png,tip,1,1\na.png,stem,2,2\n"
                + "a.png,stem,3,3\na.png,Flower,4,4\n");
        PointAnnotations.Result r = PointAnnotations.loadFolder(tmp, DEFAULTS, false);
        assertEquals(List.of(new Feature("leaf_tip", 1, 1)), r.images().get(0).features());
        assertEquals(1, r.warnings().size());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith(csv + ": ") && w.contains("'stem' (2 points)") && w.contains("'Flower' (1 point)"),
                w);

        BadInputException e = assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, true));
        assertEquals(csv, e.file());
        assertTrue(e.getMessage().contains("stem") && e.getMessage().contains("Flower"), e.getMessage());

        // mapped or deliberately ignored classes are fine in strict mode
        r = PointAnnotations.loadFolder(tmp, DEFAULTS.with("stem", "-").with("flower", "ear_tip"), true);
        assertEquals(List.of(new Feature("leaf_tip", 1, 1), new Feature("ear_tip", 4, 4)),
                r.images().get(0).features());
        assertEquals(List.of(), r.warnings());

        // a mapping restricted to the root task treats leaf classes as unknown
        ClassMapping roots = DEFAULTS.with("stem", "-").with("flower", "-").restrictTo(List.of("root_tip"));
        e = assertThrows(BadInputException.class, () -> PointAnnotations.loadFolder(tmp, roots, true));
        assertTrue(e.getMessage().contains("'tip'") && e.getMessage().contains("[root_tip]"), e.getMessage());
        // and when no point at all is left, the folder is refused even when not strict
        e = assertThrows(BadInputException.class, () -> PointAnnotations.loadFolder(tmp, roots, false));
        assertEquals(tmp, e.file());
        assertTrue(e.getMessage().contains("no annotated point has a known class (unknown: [tip]"), e.getMessage());
    }

    @Test
    void duplicatePointsAreDroppedOrRefused() throws IOException {
        image(tmp.resolve("a.png"));
        Path cvat = Files.writeString(tmp.resolve("a.xml"), "<annotations><image name=\"a.png\">"
                + "<points label=\"leaf tip\" points=\"10,10;10.3,10.3;20,20\"/>"
                + "<points label=\"leaf base\" points=\"10,10\"/>" // another class at the same place: kept
                + "<points label=\"tip\" points=\"20.4,20\"/></image></annotations>");
        PointAnnotations.Result r = PointAnnotations.loadFolder(tmp, DEFAULTS, false);
        assertEquals(List.of(new Feature("leaf_tip", 10, 10), new Feature("leaf_tip", 20, 20),
                new Feature("leaf_base", 10, 10)), r.images().get(0).features());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(cvat + ": ") && r.warnings().get(0).contains("(10.3, 10.3)"),
                r.warnings().get(0));
        assertTrue(r.warnings().get(1).contains("(20.4, 20.0)"), r.warnings().get(1));

        BadInputException e = assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, true));
        assertEquals(cvat, e.file());
        assertTrue(e.getMessage().contains("duplicate leaf_tip"), e.getMessage());
    }

    @Test
    void pointOutsideItsImageNamesFilePointAndSize() throws IOException {
        image(tmp.resolve("a.png"));
        Path json = Files.writeString(tmp.resolve("a.json"), labelMe("a.png", "tip", 100.5, 3));
        BadInputException e = assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, false));
        assertEquals(json, e.file());
        assertTrue(e.getMessage().contains("(100.5, 3.0)") && e.getMessage().contains("100 x 80"), e.getMessage());
    }

    @Test
    void statedImageSizeMustMatch() throws IOException {
        image(tmp.resolve("a.png"));
        Path json = Files.writeString(tmp.resolve("a.json"), labelMe("a.png", "tip", 1, 1)
                .replace("\"imageWidth\": 100", "\"imageWidth\": 200"));
        PointAnnotations.Result r = PointAnnotations.loadFolder(tmp, DEFAULTS, false);
        assertEquals(1, r.images().get(0).features().size());
        assertTrue(r.warnings().get(0).contains("100 x 80 px but the annotation states 200 x 80"),
                r.warnings().toString());
        assertEquals(json, assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, true)).file());
    }

    @Test
    void cocoIdMismatchInAFolderNamesFileAndId() throws IOException {
        image(tmp.resolve("a.png"));
        Path coco = Files.writeString(tmp.resolve("coco.json"), """
                {"images": [{"id": 1, "file_name": "a.png"}],
                 "categories": [{"id": 1, "name": "leaf_tip"}],
                 "annotations": [{"image_id": 2, "category_id": 1, "keypoints": [1, 1, 2]}]}
                """);
        BadInputException e = assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, false));
        assertEquals(coco, e.file());
        assertTrue(e.getMessage().contains("image_id 2"), e.getMessage());
    }

    @Test
    void malformedFilesNameTheFileAndForeignFilesAreWarnings() throws IOException {
        image(tmp.resolve("a.png"));
        Files.writeString(tmp.resolve("a.csv"), "image,class,x,y\na.png,tip,1,1\n");
        Path notes = Files.writeString(tmp.resolve("notes.json"), "{\"author\": \"me\"}");
        Path other = Files.writeString(tmp.resolve("other.xml"), "<project/>");
        PointAnnotations.Result r = PointAnnotations.loadFolder(tmp, DEFAULTS, true);
        assertEquals(1, r.images().size());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith(notes + ": not a supported"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith(other + ": not a supported"), r.warnings().get(1));

        Path badJson = Files.writeString(tmp.resolve("b.json"), "{\"shapes\": [}");
        BadInputException e = assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, false));
        assertEquals(badJson, e.file());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        Files.delete(badJson);

        Path badXml = Files.writeString(tmp.resolve("c.xml"), "<annotations><image name=\"a.png\"></annotations>");
        e = assertThrows(BadInputException.class, () -> PointAnnotations.loadFolder(tmp, DEFAULTS, false));
        assertEquals(badXml, e.file());
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    }

    @Test
    void imageProblems() throws IOException {
        image(tmp.resolve("a.png"));
        Files.writeString(tmp.resolve("a.csv"), "image,class,x,y\na.png,tip,1,1\n");
        Path twice = Files.writeString(tmp.resolve("b.json"), labelMe("a.png", "tip", 5, 5));
        BadInputException e = assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(tmp, DEFAULTS, false));
        assertEquals(twice, e.file());
        assertTrue(e.getMessage().contains("already annotated by"), e.getMessage());

        Files.writeString(twice, labelMe("gone.png", "tip", 5, 5));
        e = assertThrows(BadInputException.class, () -> PointAnnotations.loadFolder(tmp, DEFAULTS, false));
        assertEquals(twice, e.file());
        assertTrue(e.getMessage().contains("'gone.png' not found"), e.getMessage());

        // a listed image without points may be missing (one COCO file for several folders)
        Files.writeString(twice, labelMe("gone.png", "tip", 5, 5).replaceAll("\"shapes\": \\[.*]", "\"shapes\": []"));
        PointAnnotations.Result r = PointAnnotations.loadFolder(tmp, DEFAULTS, false);
        assertEquals(1, r.images().size());
        assertTrue(r.warnings().get(0).contains("'gone.png' (no points) not found"), r.warnings().toString());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        image(empty.resolve("x.png"));
        assertEquals(empty, assertThrows(BadInputException.class,
                () -> PointAnnotations.loadFolder(empty, DEFAULTS, false)).file());
    }

    private static String labelMe(String imagePath, String label, double x, double y) {
        return "{\"imagePath\": \"" + imagePath + "\", \"imageWidth\": 100, \"imageHeight\": 80, \"shapes\": "
                + "[{\"label\": \"" + label + "\", \"points\": [[" + x + ", " + y + "]], \"shape_type\": \"point\"}]}";
    }

    private static void image(Path file) {
        ImageFiles.writePng(file, new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
