package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;

/** Nothing in an annotation folder is dropped without a warning naming the file and counting it (issue 10). */
class AnnotationReliabilityTest {
    @TempDir
    Path tmp;

    private void images(String... names) throws IOException {
        for (String n : names) {
            ImageIO.write(new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB), "png", tmp.resolve(n).toFile());
        }
    }

    private static String joined(List<String> warnings) {
        return String.join("\n", warnings);
    }

    @Test
    void rootCsvRowsOfUnknownClassesAreCountedAndNamedAndAliasesKept() throws IOException {
        images("a.png", "b.png");
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,root_tip,10,10\na.png,Root Tip,20,20\n"
                + "a.png,leaf_tip,30,30\nb.png,weird,5,5\nb.png,root_tip,6,6\n");
        List<String> warnings = new ArrayList<>();
        List<AnnotatedImage> loaded = Task.ROOTS.load(tmp, null, warnings::add);
        assertEquals(2, loaded.get(0).features().size(), "root_tip and its alias 'Root Tip' are kept");
        assertTrue(loaded.get(0).features().stream().allMatch(f -> f.className().equals("root_tip")));
        String w = joined(warnings);
        assertTrue(w.contains(tmp.resolve("points.csv") + ": 2 row(s) of unknown class(es) dropped: 'leaf_tip' (1), 'weird' (1)"), w);
        assertTrue(w.contains("[leaf_tip] belong to another task"), w);
    }

    @Test
    void imagesWithoutAnnotationsAreNamed() throws IOException {
        images("a.png", "c.png", "d.png");
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,root_tip,10,10\n");
        List<String> warnings = new ArrayList<>();
        Task.ROOTS.load(tmp, null, warnings::add);
        assertTrue(joined(warnings).contains("2 image(s) without annotations skipped: c.png, d.png"), joined(warnings));

        List<String> shootWarnings = new ArrayList<>();
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,leaf_tip,10,10\n");
        Task.SHOOTS.load(tmp, null, shootWarnings::add);
        assertTrue(joined(shootWarnings).contains("2 image(s) without annotations skipped: c.png, d.png"), joined(shootWarnings));
    }

    @Test
    void aBadCsvHeaderNamesTheFileAndTheMissingColumns() throws IOException {
        images("a.png");
        Files.writeString(tmp.resolve("points.csv"), "img,cls,x,y\na.png,root_tip,10,10\n");
        String msg = assertThrows(BadInputException.class, () -> Task.ROOTS.load(tmp, null, w -> {})).getMessage();
        assertTrue(msg.contains(tmp.resolve("points.csv") + ": not a point CSV, missing column(s) image, class in the header"
                + " 'img,cls,x,y'"), msg);
    }

    @Test
    void pointsOfTheOtherTaskOnlyAreAnErrorSayingSo() throws IOException {
        images("a.png");
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,leaf_tip,10,10\na.png,ear_base,20,20\n");
        String msg = assertThrows(BadInputException.class, () -> Task.ROOTS.load(tmp, null, w -> {})).getMessage();
        assertTrue(msg.contains("no annotated point has a class of this task") && msg.contains("belong to another task"), msg);

        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,root_tip,10,10\na.png,leaf_tip,20,20\n");
        List<String> warnings = new ArrayList<>();
        Task.SHOOTS.load(tmp, null, warnings::add);
        assertTrue(joined(warnings).contains("[root_tip] belong to another task"), joined(warnings));
    }

    @Test
    void aBrokenUnrelatedJsonBesideValidPointsOnlyWarns() throws IOException {
        images("a.png");
        Files.writeString(tmp.resolve("points.csv"), "image,class,x,y\na.png,leaf_tip,10,10\n");
        Files.writeString(tmp.resolve("settings.json"), "{\"truncated\": ");
        List<String> warnings = new ArrayList<>();
        List<AnnotatedImage> loaded = Task.SHOOTS.load(tmp, null, warnings::add);
        assertEquals(1, loaded.get(0).features().size());
        assertTrue(joined(warnings).contains(tmp.resolve("settings.json") + ": malformed JSON") && joined(warnings).contains("ignored"),
                joined(warnings));
        // strict mode still refuses it
        assertThrows(BadInputException.class, () -> PointAnnotations.loadFolder(tmp, ClassMapping.defaults(), true));
    }
}
