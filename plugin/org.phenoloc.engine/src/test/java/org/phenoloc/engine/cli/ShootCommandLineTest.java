package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.synthetic.ShootConfig;
import org.phenoloc.engine.synthetic.ShootGenerator;

/** The shoot forms of train and localise: five classes, halved scanning, detections in original pixels. */
class ShootCommandLineTest {
    @Test
    void trainAndLocaliseShoots(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ShootGenerator.writeDataset(data, 3, new ShootConfig(320, 288, 1, 3, 1.0, 0.2, 0.1, 3));
        Path model = dir.resolve("s.phenoloc");
        assertEquals(0, Main.run("train", "--task", "shoots", "--data", data.toString(), "--model", model.toString(),
                "--epochs", "1", "--width-scale", "0.125", "--batch", "8", "--crops-per-epoch", "16"));
        var m = ModelFiles.load(model);
        assertEquals(List.of("leaf_tip", "leaf_base", "ear_tip", "ear_base", "negative"), m.metadata().classes());
        assertEquals(0.5, m.metadata().imageScale());
        assertEquals(64, m.metadata().architecture().window());

        Path out = dir.resolve("out");
        assertEquals(0, Main.run("localise", "--model", model.toString(), "--images", data.toString(), "--out",
                out.toString(), "--threshold", "0.01", "--no-pictures"));
        List<String> det = Files.readAllLines(out.resolve("detections.csv"));
        assertEquals("image,class,x,y,score", det.get(0));
        assertTrue(det.size() > 1);
        for (String row : det.subList(1, det.size())) {
            String[] f = row.split(",");
            assertTrue(Set.of("leaf_tip", "leaf_base", "ear_tip", "ear_base").contains(f[1]), row);
            double x = Double.parseDouble(f[2]);
            double y = Double.parseDouble(f[3]);
            // windows are centred at least 32 px into the halved image = 64 px into the original
            assertTrue(x >= 63 && x <= 320 - 63 && y >= 63 && y <= 288 - 63, "original-image pixels: " + row);
        }
        List<String> counts = Files.readAllLines(out.resolve("counts.csv"));
        assertEquals(1 + 3 * 4, counts.size(), "a count per image and feature class");
    }
}
