package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;

/** The per-format readers: points with the tools' own labels, and errors that name the file. */
class PointFormatsTest {
    @TempDir
    Path tmp;

    static final String COCO = """
            {"images": [{"id": 1, "file_name": "images/a.png", "width": 100, "height": 80},
                        {"id": 7, "file_name": "b.png", "width": 100, "height": 80}],
             "categories": [{"id": 1, "name": "plant", "keypoints": ["leaf tip", "leaf base", "ear tip"]},
                            {"id": 2, "name": "leaf_tip", "keypoints": ["point"]}],
             "annotations": [
                {"id": 10, "image_id": 1, "category_id": 1, "keypoints": [10, 20, 2, 30.5, 40, 1, 0, 0, 0]},
                {"id": 11, "image_id": 1, "category_id": 2, "keypoints": [50, 60, 2]},
                {"id": 12, "image_id": 1, "category_id": 2, "bbox": [1, 2, 3, 4]}]}
            """;

    @Test
    void cocoVisibleKeypointsByKeypointOrCategoryName() throws IOException {
        PointFile f = CocoKeypointsReader.read(write("coco.json", COCO));
        assertEquals(2, f.images().size());
        PointFile.ImagePoints a = f.images().get(0);
        assertEquals("images/a.png", a.image());
        assertEquals(100, a.width());
        assertEquals(80, a.height());
        assertEquals(List.of(new PointFile.LabelledPoint("leaf tip", 10, 20),
                new PointFile.LabelledPoint("leaf base", 30.5, 40),
                new PointFile.LabelledPoint("leaf_tip", 50, 60)), a.points());
        assertEquals("b.png", f.images().get(1).image());
        assertTrue(f.images().get(1).points().isEmpty());
    }

    @Test
    void cocoAnnotationForAnUnlistedImageIsAnError() throws IOException {
        Path file = write("coco.json", COCO.replace("\"image_id\": 1, \"category_id\": 2, \"keypoints\"",
                "\"image_id\": 99, \"category_id\": 2, \"keypoints\""));
        String msg = fails(file, () -> CocoKeypointsReader.read(file));
        assertTrue(msg.contains("image_id 99") && msg.contains("[1, 7]"), msg);

        Path wrongCount = write("count.json", COCO.replace("0, 0, 0]", "0, 0]"));
        msg = fails(wrongCount, () -> CocoKeypointsReader.read(wrongCount));
        assertTrue(msg.contains("annotation id 10") && msg.contains("8 numbers"), msg);

        Path noCategory = write("cat.json", COCO.replace("\"category_id\": 2, \"keypoints\"",
                "\"category_id\": 5, \"keypoints\""));
        msg = fails(noCategory, () -> CocoKeypointsReader.read(noCategory));
        assertTrue(msg.contains("category_id 5"), msg);
    }

    @Test
    void labelMePointShapesAndCountedSkippedShapes() throws IOException {
        Path file = write("a.json", """
                {"version": "5.2.1", "flags": {}, "imagePath": "..\\\\pics\\\\a.png", "imageData": null,
                 "imageWidth": 100, "imageHeight": 80,
                 "shapes": [
                   {"label": "leaf tip", "points": [[12.5, 7]], "shape_type": "point", "group_id": null},
                   {"label": "plant", "points": [[0, 0], [50, 50]], "shape_type": "rectangle"},
                   {"label": "leaf", "points": [[0, 0], [5, 5], [0, 5]], "shape_type": "polygon"},
                   {"label": "tip", "points": [[3, 4]], "shape_type": "point"}]}
                """);
        PointFile f = LabelMeReader.read(file);
        assertEquals(1, f.images().size());
        assertEquals("..\\pics\\a.png", f.images().get(0).image());
        assertEquals(100, f.images().get(0).width());
        assertEquals(List.of(new PointFile.LabelledPoint("leaf tip", 12.5, 7),
                new PointFile.LabelledPoint("tip", 3, 4)), f.images().get(0).points());
        assertEquals(1, f.warnings().size());
        String w = f.warnings().get(0);
        assertTrue(w.contains("a.json") && w.contains("2 non-point") && w.contains("rectangle=1")
                && w.contains("polygon=1"), w);
    }

    @Test
    void labelMeWithoutImagePathOrWithABadPoint() throws IOException {
        Path noPath = write("x.json", "{\"shapes\": []}");
        assertTrue(fails(noPath, () -> LabelMeReader.read(noPath)).contains("imagePath"));
        Path badPoint = write("y.json", "{\"imagePath\": \"y.png\", \"shapes\": [{\"label\": \"tip\","
                + " \"points\": [[1, \"abc\"]], \"shape_type\": \"point\"}]}");
        String msg = fails(badPoint, () -> LabelMeReader.read(badPoint));
        assertTrue(msg.contains("shapes[0]") && msg.contains("abc"), msg);
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        Path truncated = write("t.json", "{\"imagePath\": \"a.png\", \"shapes\": [");
        assertTrue(fails(truncated, () -> LabelMeReader.read(truncated)).contains("malformed JSON"));
        // gson's own parser would accept these (lenient); annotation files must be real JSON
        Path lenient = write("l.json", "{images: [], 'annotations': [], \"categories\": []}");
        assertTrue(fails(lenient, () -> CocoKeypointsReader.read(lenient)).contains("malformed JSON"));
        Path trailing = write("tr.json", "{\"images\": [], \"annotations\": [], \"categories\": []} x");
        assertTrue(fails(trailing, () -> CocoKeypointsReader.read(trailing)).contains("malformed JSON"));
    }

    static final String CVAT = """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations>
              <version>1.1</version>
              <meta><task><name>maize</name></task></meta>
              <image id="0" name="sub/a.png" width="100" height="80">
                <points label="leaf tip" occluded="0" source="manual" points="10.5,20.00;30,40" z_order="0">
                  <attribute name="state">intact</attribute>
                </points>
                <box label="plant" occluded="0" xtl="1" ytl="2" xbr="30" ybr="40" z_order="0"/>
                <polyline label="leaf" occluded="0" points="1,2;3,4" z_order="0"/>
                <skeleton label="ear">
                  <points label="ear tip" outside="0" occluded="0" points="5,6"/>
                  <points label="ear base" outside="1" occluded="0" points="0,0"/>
                </skeleton>
              </image>
              <image id="1" name="b.png" width="100" height="80"></image>
            </annotations>
            """;

    @Test
    void cvatPointsAndSkeletonPoints() throws IOException {
        Path file = write("annotations.xml", CVAT);
        assertTrue(CvatXmlReader.isCvat(file));
        PointFile f = CvatXmlReader.read(file);
        assertEquals(2, f.images().size());
        PointFile.ImagePoints a = f.images().get(0);
        assertEquals("sub/a.png", a.image());
        assertEquals(80, a.height());
        assertEquals(List.of(new PointFile.LabelledPoint("leaf tip", 10.5, 20),
                new PointFile.LabelledPoint("leaf tip", 30, 40),
                new PointFile.LabelledPoint("ear tip", 5, 6)), a.points());
        assertTrue(f.images().get(1).points().isEmpty());
        assertEquals(1, f.warnings().size());
        assertTrue(f.warnings().get(0).contains("box=1") && f.warnings().get(0).contains("polyline=1"),
                f.warnings().get(0));
    }

    @Test
    void cvatErrorsNameFileAndLine() throws IOException {
        Path truncated = write("t.xml", CVAT.substring(0, CVAT.indexOf("<box")));
        String msg = fails(truncated, () -> CvatXmlReader.read(truncated));
        assertTrue(msg.contains("malformed XML"), msg);
        Path badPoints = write("p.xml", CVAT.replace("10.5,20.00;30,40", "10.5;30,40"));
        msg = fails(badPoints, () -> CvatXmlReader.read(badPoints));
        assertTrue(msg.contains("line 6") && msg.contains("10.5;30,40"), msg);
        Path notCvat = write("n.xml", "<rsml/>");
        assertFalse(CvatXmlReader.isCvat(notCvat));
        assertTrue(fails(notCvat, () -> CvatXmlReader.read(notCvat)).contains("not a CVAT XML file"));
    }

    @Test
    void cvatRefusesExternalEntities() throws IOException {
        Path secret = write("secret.txt", "do not read me");
        Path file = write("xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE annotations [<!ENTITY s SYSTEM \""
                + secret.toUri() + "\">]><annotations><image name=\"&s;\"/></annotations>");
        BadInputException e = assertThrows(BadInputException.class, () -> CvatXmlReader.read(file));
        assertEquals(file, e.file());
        assertFalse(e.getMessage().contains("do not read me"), e.getMessage());
    }

    @Test
    void maizeTsvKeepsIntactAndCutLabels() throws IOException {
        Path file = write("tips.tsv", "\tfn\ttargets\n"
                + "5\ta.png\t\"{\"\"x\"\": [10, 20.5], \"\"y\"\": [30, 40],"
                + " \"\"label\"\": [\"\"intact\"\", \"\"cut\"\"]}\"\n"
                + "6\tb.png\t\"{\"\"x\"\": [1], \"\"y\"\": [2]}\"\n");
        assertTrue(MaizeTsvReader.hasHeader(file));
        PointFile f = MaizeTsvReader.read(file);
        assertEquals(List.of(new PointFile.ImagePoints("a.png", 0, 0, List.of(
                        new PointFile.LabelledPoint("intact", 10, 30), new PointFile.LabelledPoint("cut", 20.5, 40))),
                new PointFile.ImagePoints("b.png", 0, 0, List.of(new PointFile.LabelledPoint("leaf_tip", 1, 2)))),
                f.images());
    }

    @Test
    void maizeTsvErrorsNameFileAndRow() throws IOException {
        Path lengths = write("l.tsv", "\tfn\ttargets\n1\ta.png\t\"{\"\"x\"\": [1, 2], \"\"y\"\": [3]}\"\n");
        String msg = fails(lengths, () -> MaizeTsvReader.read(lengths));
        assertTrue(msg.contains("row 1 (a.png)") && msg.contains("2 x, 1 y"), msg);
        Path json = write("j.tsv", "\tfn\ttargets\n1\ta.png\t{}\n2\tb.png\t\"{\"\"x\"\": [1\"\n");
        msg = fails(json, () -> MaizeTsvReader.read(json));
        assertTrue(msg.contains("row 1 (a.png)") && msg.contains("targets.x"), msg);
        Path broken = write("b.tsv", "\tfn\ttargets\n2\tb.png\t\"{\"\"x\"\": [1\"\n");
        msg = fails(broken, () -> MaizeTsvReader.read(broken));
        assertTrue(msg.contains("row 1 (b.png)") && msg.contains("malformed JSON"), msg);
        Path header = write("h.tsv", "a\tb\n");
        assertFalse(MaizeTsvReader.hasHeader(header));
        assertTrue(fails(header, () -> MaizeTsvReader.read(header)).contains("fn"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** Asserts a BadInputException naming {@code file}; returns its message. */
    static String fails(Path file, Executable read) {
        BadInputException e = assertThrows(BadInputException.class, read);
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        return e.getMessage();
    }
}
