package org.phenoloc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.ClassMapping;
import org.phenoloc.engine.annotations.CsvPointReader;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.PointAnnotations;
import org.phenoloc.engine.io.BadInputException;

class ShootDatasetTest {
    private static final ShootConfig BASE = new ShootConfig(384, 320, 2, 4, 0.5, 0.5, 0.2, 70);

    @Test
    void writesImagesAndOnePointCsvThatReadsBack(@TempDir Path dir) throws Exception {
        List<AnnotatedImage> written = ShootGenerator.writeDataset(dir, 3, BASE);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("points.csv", "shoot_000.png", "shoot_001.png", "shoot_002.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left");
        }
        Path csv = dir.resolve("points.csv");
        assertTrue(Files.readString(csv).startsWith("image,class,x,y\n"));

        Map<String, List<Feature>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String name = String.format("shoot_%03d.png", i);
            SyntheticShootImage synth = ShootGenerator.generate(BASE.withSeed(BASE.seed() + i));
            expected.put(name, synth.features());

            BufferedImage png = ImageIO.read(dir.resolve(name).toFile());
            assertArrayEquals(ShootGeneratorTest.pixels(synth.image()), ShootGeneratorTest.pixels(png));

            AnnotatedImage a = written.get(i);
            assertEquals(dir.resolve(name), a.image());
            assertEquals(csv, a.annotation());
            assertEquals(synth.features(), a.features());
            assertEquals(synth.organs().size(), a.structures().size());
        }
        // coordinates are rounded to 0.001 px, so they survive the CSV exactly
        assertEquals(expected, CsvPointReader.read(csv));

        PointAnnotations.Result loaded = PointAnnotations.loadFolder(dir, ClassMapping.defaults(), true);
        assertEquals(List.of(), loaded.warnings());
        assertEquals(3, loaded.images().size());
        for (AnnotatedImage a : loaded.images()) {
            assertEquals(expected.get(a.image().getFileName().toString()), a.features());
        }
    }

    @Test
    void rewritingReplacesTheCsv(@TempDir Path dir) throws Exception {
        ShootGenerator.writeDataset(dir, 2, BASE);
        ShootGenerator.writeDataset(dir, 1, BASE.withSeed(99));
        Map<String, List<Feature>> points = CsvPointReader.read(dir.resolve("points.csv"));
        assertEquals(List.of("shoot_000.png"), List.copyOf(points.keySet()));
        assertEquals(ShootGenerator.generate(BASE.withSeed(99)).features(), points.get("shoot_000.png"));
    }

    @Test
    void rejectsNegativeCount(@TempDir Path dir) {
        assertThrows(BadInputException.class, () -> ShootGenerator.writeDataset(dir, -1, BASE));
    }
}
