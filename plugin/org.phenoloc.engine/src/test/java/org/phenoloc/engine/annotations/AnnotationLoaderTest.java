package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;

class AnnotationLoaderTest {
    private static final double MIN = RsmlReader.PAPER_MIN_ROOT_LENGTH;

    @TempDir
    Path tmp;

    @Test
    void realRootNavFolder() {
        Path train = RsmlReaderTest.REAL_ROOTS.resolve("train");
        Assumptions.assumeTrue(Files.isDirectory(train), "shared real data not present");
        List<AnnotatedImage> loaded = AnnotationLoader.loadFolder(train, MIN);
        assertEquals(10, loaded.size());
        assertEquals("B_osr_0091.jpg", loaded.get(0).image().getFileName().toString());
        for (AnnotatedImage a : loaded) {
            String stem = a.image().getFileName().toString().replace(".jpg", "");
            assertEquals(stem + ".rsml", a.annotation().getFileName().toString());
            assertTrue(a.features().size() >= 5, a.image() + ": " + a.features().size() + " tips");
            assertTrue(a.structures().size() >= a.features().size());
        }
        List<String> names = loaded.stream().map(a -> a.image().getFileName().toString()).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void pairsBySameStemOrFileKeyAndSkipsUnannotatedImages() throws IOException {
        image("b.png");
        image("a.png");
        image("c.png"); // no annotation: skipped
        rsml("a.rsml", null, root(10, 10, 10, 60));
        rsml("export-01.rsml", "b", root(20, 5, 20, 70), root(30, 30, 32, 31)); // second root too short
        Files.writeString(tmp.resolve("notes.txt"), "ignored");
        Files.writeString(tmp.resolve("other.csv"), "fn,targets\n1,2\n"); // not a points CSV: ignored

        List<AnnotatedImage> loaded = AnnotationLoader.loadFolder(tmp, MIN);
        assertEquals(List.of(tmp.resolve("a.png"), tmp.resolve("b.png")),
                loaded.stream().map(AnnotatedImage::image).toList());
        assertEquals(List.of(new Feature(RsmlReader.ROOT_TIP, 10, 60)), loaded.get(0).features());
        assertEquals(tmp.resolve("export-01.rsml"), loaded.get(1).annotation());
        assertEquals(List.of(new Feature(RsmlReader.ROOT_TIP, 20, 70)), loaded.get(1).features());
        assertEquals(2, loaded.get(1).structures().size());
        assertEquals(loaded, AnnotationLoader.loadFolder(tmp, MIN), "deterministic");
    }

    @Test
    void fileKeyMayBeTheFullImageName() throws IOException {
        image("plant1.png");
        rsml("x.rsml", "plant1.png", root(1, 1, 1, 50));
        assertEquals(tmp.resolve("plant1.png"), AnnotationLoader.loadFolder(tmp, MIN).get(0).image());
    }

    @Test
    void rsmlWhoseImageIsMissing() throws IOException {
        image("a.png");
        rsml("a.rsml", null, root(1, 1, 1, 50));
        Path orphan = rsml("orphan.rsml", "gone_image", root(1, 1, 1, 50));
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertEquals(orphan, e.file());
        assertTrue(e.getMessage().contains("orphan.rsml") && e.getMessage().contains("gone_image"), e.getMessage());

        Files.delete(orphan);
        Path noKey = rsml("lonely.rsml", null, root(1, 1, 1, 50));
        e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertEquals(noKey, e.file());
        assertTrue(e.getMessage().contains("no image lonely.*"), e.getMessage());
    }

    @Test
    void pointOutsideImageIsAnError() throws IOException {
        image("a.png"); // 100 x 80
        Path rsml = rsml("a.rsml", null, root(10, 10, 10, 95));
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertEquals(rsml + ": point root_tip (10.0, 95.0) is outside the image a.png (100 x 80 px)", e.getMessage());
    }

    @Test
    void pointOnTheImageEdgeIsInside() throws IOException {
        image("a.png");
        rsml("a.rsml", null, root(0, 0, 100, 80));
        assertEquals(1, AnnotationLoader.loadFolder(tmp, MIN).get(0).features().size());
    }

    @Test
    void pointsCsvFolder() throws IOException {
        image("a.png");
        image("b.png");
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\nb.png,leaf_tip,5,6\na.png,leaf_tip,1,2\n"
                + "a.png,leaf_base,3,4\n");
        List<AnnotatedImage> loaded = AnnotationLoader.loadFolder(tmp, MIN);
        assertEquals(2, loaded.size());
        AnnotatedImage a = loaded.get(0);
        assertEquals(tmp.resolve("a.png"), a.image());
        assertEquals(tmp.resolve("points.csv"), a.annotation());
        assertEquals(List.of(new Feature("leaf_tip", 1, 2), new Feature("leaf_base", 3, 4)), a.features());
        assertEquals(List.of(), a.structures());
    }

    @Test
    void csvNamingMissingImage() throws IOException {
        image("a.png");
        Path csv = Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\nzz.png,leaf_tip,5,6\n");
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertEquals(csv, e.file());
        assertTrue(e.getMessage().contains("zz.png"), e.getMessage());
    }

    @Test
    void imageAnnotatedTwiceIsAnError() throws IOException {
        image("a.png");
        rsml("a.rsml", null, root(1, 1, 1, 50));
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,leaf_tip,5,6\n");
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertTrue(e.getMessage().contains("already annotated"), e.getMessage());
    }

    @Test
    void folderWithoutAnnotationsOrImagesOrAtAll() throws IOException {
        BadInputException empty = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertTrue(empty.getMessage().startsWith(tmp + ": folder is empty"), empty.getMessage());

        Files.writeString(tmp.resolve("readme.txt"), "x");
        BadInputException noImages = assertThrows(BadInputException.class,
                () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertTrue(noImages.getMessage().contains("no images"), noImages.getMessage());

        image("a.png");
        BadInputException none = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertTrue(none.getMessage().contains("no annotated images in " + tmp), none.getMessage());
        assertTrue(none.getMessage().contains(".rsml") && none.getMessage().contains("image,class,x,y"),
                none.getMessage());

        Path missing = tmp.resolve("missing");
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(missing, MIN));
        assertEquals(missing + ": folder not found", e.getMessage());
    }

    @Test
    void brokenRsmlFailsTheLoad() throws IOException {
        image("a.png");
        Path rsml = Files.writeString(tmp.resolve("a.rsml"), "<rsml><scene>");
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationLoader.loadFolder(tmp, MIN));
        assertEquals(rsml, e.file());
    }

    /** A 100 x 80 px PNG. */
    private void image(String name) {
        ImageFiles.writePng(tmp.resolve(name), new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB));
    }

    private Path rsml(String name, String fileKey, String... roots) throws IOException {
        String key = fileKey == null ? "" : "<file-key>" + fileKey + "</file-key>";
        return Files.writeString(tmp.resolve(name), "<rsml><metadata>" + key + "</metadata><scene><plant>"
                + String.join("", roots) + "</plant></scene></rsml>");
    }

    private static String root(double x0, double y0, double x1, double y1) {
        return "<root><geometry><polyline><point x=\"" + x0 + "\" y=\"" + y0 + "\"/><point x=\"" + x1 + "\" y=\"" + y1
                + "\"/></polyline></geometry></root>";
    }
}
