package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;

class RsmlReaderTest {
    /** Tests run in the engine module; the shared real data sits beside the repository. */
    static final Path REAL_ROOTS = Path.of("../../../shared/data/roots/osr-rootnav2");

    private static final RsmlReader PAPER = new RsmlReader(RsmlReader.PAPER_MIN_ROOT_LENGTH);
    private static final RsmlReader ALL = new RsmlReader(0);

    @TempDir
    Path tmp;

    @Test
    void realRootNavFilesGivePlausibleTips() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REAL_ROOTS), "shared real data not present");
        List<Path> files = new ArrayList<>();
        for (String split : List.of("train", "valid")) {
            try (Stream<Path> s = Files.list(REAL_ROOTS.resolve(split))) {
                s.filter(p -> p.toString().endsWith(".rsml")).sorted().forEach(files::add);
            }
        }
        assertEquals(15, files.size());
        int totalTips = 0;
        for (Path rsml : files) {
            Path image = rsml.resolveSibling(rsml.getFileName().toString().replace(".rsml", ".jpg"));
            AnnotatedImage a = PAPER.read(rsml, image);
            int tips = a.features().size();
            assertTrue(tips >= 5 && tips <= 200, rsml + ": " + tips + " tips");
            assertTrue(a.structures().size() >= tips, rsml + ": fewer structures than tips");
            for (Feature f : a.features()) {
                assertEquals(RsmlReader.ROOT_TIP, f.className());
                assertTrue(f.x() >= 0 && f.x() <= 1916 && f.y() >= 0 && f.y() <= 2500, rsml + ": " + f);
            }
            // without a minimum length every root gives its tip
            assertEquals(a.structures().size(), ALL.read(rsml, image).features().size());
            assertEquals(image, a.image());
            assertEquals(rsml, a.annotation());
            assertEquals(Optional.of(image.getFileName().toString().replace(".jpg", "")), RsmlReader.fileKey(rsml));
            totalTips += tips;
        }
        double mean = totalTips / (double) files.size();
        assertTrue(mean > 20 && mean < 60, "README says about 37 tips per image, got " + mean);
    }

    @Test
    void realPrimaryRootTipIsTheLastPolylinePoint() {
        Path rsml = REAL_ROOTS.resolve("train/B_osr_0091.rsml");
        Assumptions.assumeTrue(Files.exists(rsml), "shared real data not present");
        AnnotatedImage a = PAPER.read(rsml, Path.of("B_osr_0091.jpg"));
        // the first root in the file is the primary root: polyline (989,94) ... (908,2343)
        List<Point> primary = a.structures().get(0);
        assertEquals(new Point(989, 94), primary.get(0));
        assertEquals(new Point(908, 2343), primary.get(primary.size() - 1));
        assertEquals(new Feature(RsmlReader.ROOT_TIP, 908, 2343), a.features().get(0));
    }

    @Test
    void nestedLateralsAtAnyDepthAndSeveralPlants() throws IOException {
        Path rsml = write("nested.rsml", """
                <rsml><metadata><unit>pixel</unit><resolution>1</resolution></metadata><scene>
                  <plant ID="1">
                    <root ID="p"><geometry><polyline><point x="0" y="0"/><point x="0" y="100"/></polyline></geometry>
                      <root ID="l1"><geometry><polyline><point x="0" y="50"/><point x="40" y="50"/></polyline>
                      </geometry>
                        <root ID="l2"><geometry><polyline><point x="20" y="50"/><point x="20" y="80"/></polyline>
                        </geometry>
                        </root>
                      </root>
                    </root>
                  </plant>
                  <plant ID="2">
                    <root><geometry><polyline><point x="200" y="0"/><point x="200" y="60"/></polyline></geometry></root>
                  </plant>
                </scene></rsml>
                """);
        AnnotatedImage a = PAPER.read(rsml, tmp.resolve("nested.png"));
        assertEquals(List.of(tip(0, 100), tip(40, 50), tip(20, 80), tip(200, 60)), a.features());
        assertEquals(4, a.structures().size());
        assertEquals(List.of(new Point(0, 50), new Point(40, 50)), a.structures().get(1));
    }

    @Test
    void splineOnlyRootUsesControlPointsAndPolylineWinsOverSpline() throws IOException {
        Path rsml = write("spline.rsml", """
                <rsml><scene><plant>
                  <root id="s"><geometry>
                    <rootnavspline controlpointseparation="40" tension="0.5">
                      <point x="10" y="10"/><point x="10" y="40"/><point x="30" y="70"/>
                    </rootnavspline></geometry></root>
                  <root id="both"><geometry>
                    <polyline><point x="100" y="0"/><point x="100" y="50"/></polyline>
                    <rootnavspline><point x="100" y="0"/><point x="120" y="90"/></rootnavspline>
                  </geometry></root>
                </plant></scene></rsml>
                """);
        AnnotatedImage a = PAPER.read(rsml, tmp.resolve("spline.png"));
        assertEquals(List.of(new Point(10, 10), new Point(10, 40), new Point(30, 70)), a.structures().get(0));
        assertEquals(List.of(tip(30, 70), tip(100, 50)), a.features());
    }

    @Test
    void namespacesWhitespaceOddResolutionAndChildElementPoints() throws IOException {
        Path rsml = write("ns.rsml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <r:rsml xmlns:r="http://www.plant-image-analysis.org/schema/rsml" xmlns:po="http://example.org/po">
                  <r:metadata>
                    <r:unit>cm</r:unit>
                    <r:resolution>  not a number  </r:resolution>
                    <r:file-key>
                        img_01
                    </r:file-key>
                  </r:metadata>
                  <r:scene><r:plant><r:root po:accession="x">
                    <r:geometry><r:polyline>
                      <r:point x=" 1.5 " y="
                         2.5 "/>
                      <r:point>
                        <r:x> 1.5 </r:x>
                        <r:y> 42.5 </r:y>
                      </r:point>
                    </r:polyline></r:geometry>
                  </r:root></r:plant></r:scene>
                </r:rsml>
                """);
        AnnotatedImage a = PAPER.read(rsml, tmp.resolve("img_01.png"));
        assertEquals(List.of(List.of(new Point(1.5, 2.5), new Point(1.5, 42.5))), a.structures());
        assertEquals(List.of(tip(1.5, 42.5)), a.features());
        assertEquals(Optional.of("img_01"), RsmlReader.fileKey(rsml));
    }

    @Test
    void missingResolutionAndDefaultNamespaceAreFine() throws IOException {
        Path rsml = write("default-ns.rsml", """
                <rsml xmlns="http://www.plant-image-analysis.org/schema/rsml"><metadata/><scene><plant>
                <root><geometry><polyline><point x="5" y="5"/><point x="5" y="25"/></polyline></geometry></root>
                </plant></scene></rsml>
                """);
        assertEquals(List.of(tip(5, 25)), PAPER.read(rsml, tmp.resolve("x.png")).features());
        assertEquals(Optional.empty(), RsmlReader.fileKey(rsml));
    }

    @Test
    void rootsShorterThanMinimumGiveNoTipButStayStructures() throws IOException {
        Path rsml = write("short.rsml", """
                <rsml><scene><plant>
                  <root><geometry><polyline><point x="0" y="0"/><point x="15.9" y="0"/></polyline></geometry></root>
                  <root><geometry><polyline><point x="0" y="10"/><point x="16" y="10"/></polyline></geometry></root>
                  <root><geometry><polyline><point x="0" y="20"/><point x="8" y="20"/><point x="8" y="28"/>
                  </polyline></geometry></root>
                  <root><geometry><polyline><point x="50" y="50"/></polyline></geometry></root>
                </plant></scene></rsml>
                """);
        AnnotatedImage paper = PAPER.read(rsml, tmp.resolve("short.png"));
        assertEquals(List.of(tip(16, 10), tip(8, 28)), paper.features()); // 15.9 px and 0 px are too short
        assertEquals(4, paper.structures().size());
        assertEquals(4, ALL.read(rsml, tmp.resolve("short.png")).features().size());
        assertEquals(16.0, RsmlReader.PAPER_MIN_ROOT_LENGTH);
    }

    @Test
    void rootWithoutPointsIsAnErrorNamingItsIdAndLine() throws IOException {
        Path upper = write("upper.rsml", "<rsml><scene><plant>\n<root ID=\"r7\"><geometry/></root>\n"
                + "</plant></scene></rsml>");
        BadInputException e = assertThrows(BadInputException.class, () -> PAPER.read(upper, tmp.resolve("a.png")));
        assertEquals(upper + ": line 2: root id=\"r7\" has no geometry points (no polyline or rootnavspline points)",
                e.getMessage());
        Path lower = write("lower.rsml", "<rsml><scene><plant><root id=\"r8\"><geometry><polyline>"
                + "</polyline></geometry></root></plant></scene></rsml>");
        e = assertThrows(BadInputException.class, () -> PAPER.read(lower, tmp.resolve("a.png")));
        assertTrue(e.getMessage().contains("r8"), e.getMessage());
    }

    @Test
    void nonNumericCoordinateIsAnErrorWithLine() throws IOException {
        Path rsml = write("bad-coord.rsml", "<rsml><scene><plant><root>\n<geometry><polyline>\n"
                + "<point x=\"1\" y=\"2\"/>\n<point x=\"abc\" y=\"3\"/>\n"
                + "</polyline></geometry></root></plant></scene></rsml>");
        BadInputException e = assertThrows(BadInputException.class, () -> PAPER.read(rsml, tmp.resolve("a.png")));
        assertTrue(e.getMessage().startsWith(rsml + ": line 4: "), e.getMessage());
        assertTrue(e.getMessage().contains("x=\"abc\" is not a number"), e.getMessage());

        Path nan = write("nan.rsml", "<rsml><scene><plant><root><geometry><polyline><point x=\"NaN\" y=\"3\"/>"
                + "</polyline></geometry></root></plant></scene></rsml>");
        assertThrows(BadInputException.class, () -> PAPER.read(nan, tmp.resolve("a.png")));
        Path noY = write("noy.rsml", "<rsml><scene><plant><root><geometry><polyline><point x=\"1\"/>"
                + "</polyline></geometry></root></plant></scene></rsml>");
        e = assertThrows(BadInputException.class, () -> PAPER.read(noY, tmp.resolve("a.png")));
        assertTrue(e.getMessage().contains("no y coordinate"), e.getMessage());
    }

    @Test
    void malformedXmlIsAnErrorWithLine() throws IOException {
        Path rsml = write("broken.rsml", "<rsml>\n<scene>\n<plant>\n<root></plant>\n</scene></rsml>");
        BadInputException e = assertThrows(BadInputException.class, () -> PAPER.read(rsml, tmp.resolve("a.png")));
        assertTrue(e.getMessage().startsWith(rsml + ": line 4: malformed XML"), e.getMessage());
        assertThrows(BadInputException.class, () -> RsmlReader.fileKey(write("empty.rsml", "")));
        assertThrows(BadInputException.class, () -> PAPER.read(write("text.rsml", "just text"), tmp.resolve("a.png")));
    }

    @Test
    void otherXmlIsNotRsml() throws IOException {
        Path xml = write("other.rsml", "<svg><root/></svg>");
        BadInputException e = assertThrows(BadInputException.class, () -> PAPER.read(xml, tmp.resolve("a.png")));
        assertTrue(e.getMessage().contains("not an RSML file"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Path rsml = write("xxe.rsml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rsml [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<rsml><metadata><file-key>&xxe;</file-key></metadata><scene/></rsml>");
        // DTD support is off, so the entity is undeclared and the file is refused
        BadInputException e = assertThrows(BadInputException.class, () -> RsmlReader.fileKey(rsml));
        assertTrue(e.getMessage().startsWith(rsml + ": line 3: malformed XML"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void fileKeyIsTrimmedAndBlankMeansNone() throws IOException {
        assertEquals(Optional.of("B_osr_0091"), RsmlReader.fileKey(write("k.rsml",
                "<rsml><metadata><file-key> B_osr_0091\n</file-key></metadata><scene/></rsml>")));
        assertEquals(Optional.empty(), RsmlReader.fileKey(write("blank.rsml",
                "<rsml><metadata><file-key>  </file-key></metadata><scene/></rsml>")));
        // a file-key outside metadata is not the image key
        assertEquals(Optional.empty(), RsmlReader.fileKey(write("elsewhere.rsml",
                "<rsml><other><file-key>x</file-key></other><scene/></rsml>")));
    }

    @Test
    void missingFileAndBadSetting() {
        Path missing = tmp.resolve("missing.rsml");
        BadInputException e = assertThrows(BadInputException.class, () -> PAPER.read(missing, tmp.resolve("a.png")));
        assertEquals(missing + ": file not found", e.getMessage());
        assertThrows(BadInputException.class, () -> RsmlReader.fileKey(missing));
        assertThrows(BadInputException.class, () -> new RsmlReader(-1));
        assertThrows(BadInputException.class, () -> new RsmlReader(Double.NaN));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private static Feature tip(double x, double y) {
        return new Feature(RsmlReader.ROOT_TIP, x, y);
    }
}
