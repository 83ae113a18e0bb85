package org.phenoloc.engine.patches;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;

class PatchSamplerTest {
    static BufferedImage image() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(40, 60, 200));
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.WHITE);
        g.fillRect(100, 50, 4, 200); // a "root" from (102,50) to (102,250)
        g.fillRect(250, 100, 60, 40); // a box with corners for Harris
        g.dispose();
        return img;
    }

    @Test
    void rootRecipeCutsTipsAndTwiceAsManyNegativesAwayFromTips() {
        var a = new AnnotatedImage(Path.of("x.png"), Path.of("x.rsml"), List.of(new Feature("root_tip", 102, 250)),
                List.of(List.of(new Point(102, 50), new Point(102, 250))));
        var patches = new PatchSampler(PatchRecipe.paperRoots(), Task.ROOTS.classes(), 3).sample(a, image(), new Random(1));
        assertEquals(3, patches.size());
        assertEquals(0, patches.get(0).label());
        assertEquals(42, patches.get(0).size());
        // the hard negative lies on the root, the random one anywhere; both at least 16 px from the tip
        for (Patch p : patches.subList(1, 3)) {
            assertEquals(1, p.label());
            assertTrue(Math.hypot(p.x() - 102, p.y() - 250) >= 16);
        }
        assertEquals(102, patches.get(1).x(), 1e-9, "first negative is the hard one, on the root line");
        // deterministic for a seed
        var again = new PatchSampler(PatchRecipe.paperRoots(), Task.ROOTS.classes(), 3).sample(a, image(), new Random(1));
        assertArrayEquals(patches.get(2).pixels(), again.get(2).pixels());
    }

    @Test
    void shootRecipeScales128CropsTo64AndDrawsHardNegativesAtHarrisCorners() {
        var a = new AnnotatedImage(Path.of("s.png"), Path.of("p.csv"),
                List.of(new Feature("leaf_tip", 102, 60), new Feature("ear_base", 150, 200), new Feature("unknown", 5, 5)),
                List.of());
        var patches = new PatchSampler(PatchRecipe.paperShoots(), Task.SHOOTS.classes(), 3).sample(a, image(), new Random(2));
        assertEquals(4, patches.size(), "2 features (unknown class skipped) + as many negatives");
        assertEquals(64, patches.get(0).size());
        assertEquals(0, patches.get(0).label());
        assertEquals(3, patches.get(1).label());
        List<Point> corners = HarrisCorners.detect(image(), 2000, 8);
        assertFalse(corners.isEmpty());
        assertTrue(corners.stream().anyMatch(c -> Math.hypot(c.x() - 250, c.y() - 100) < 4), "box corner found: " + corners);
        Patch hard = patches.get(2);
        assertEquals(4, hard.label());
        assertTrue(corners.stream().anyMatch(c -> c.x() == hard.x() && c.y() == hard.y()), "hard negative at a corner");
    }
}
