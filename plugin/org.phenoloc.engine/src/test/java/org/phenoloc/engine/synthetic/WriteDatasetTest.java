package org.phenoloc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.annotations.Point;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class WriteDatasetTest {
    private static final RootSystemConfig BASE = new RootSystemConfig(320, 400, 2, 4, 0.8, 0.3, 40);

    @Test
    void writesImagesWithMatchingRsml(@TempDir Path dir) throws Exception {
        RootSystemGenerator.writeDataset(dir, 3, BASE);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("synth_000.png", "synth_000.rsml", "synth_001.png", "synth_001.rsml",
                    "synth_002.png", "synth_002.rsml"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "exactly the images and annotations, no temp files left");
        }
        for (int i = 0; i < 3; i++) {
            String stem = String.format("synth_%03d", i);
            SyntheticRootImage expected = RootSystemGenerator.generate(BASE.withSeed(40 + i));

            BufferedImage png = ImageIO.read(dir.resolve(stem + ".png").toFile());
            assertArrayEquals(RootSystemGeneratorTest.pixels(expected.image()), RootSystemGeneratorTest.pixels(png));

            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(dir.resolve(stem + ".rsml").toFile());
            Element metadata = (Element) doc.getElementsByTagName("metadata").item(0);
            assertEquals("pixel", text(metadata, "unit"));
            assertEquals("1", text(metadata, "resolution"));
            assertEquals(stem, text(metadata, "file-key"));

            // Walk the nested roots in document order; it must match the generator's order and hierarchy.
            List<List<Point>> roots = new ArrayList<>();
            List<Integer> parents = new ArrayList<>();
            Element plant = (Element) doc.getElementsByTagName("plant").item(0);
            collect(plant, -1, roots, parents);
            assertEquals(expected.roots().size(), doc.getElementsByTagName("root").getLength());
            assertEquals(expected.roots(), roots, "polyline coordinates round-trip exactly");
            assertEquals(expected.parents(), parents);
            assertEquals(BASE.primaryRoots(), parents.stream().filter(p -> p < 0).count());
        }
    }

    private static void collect(Element parentElement, int parentIndex, List<List<Point>> roots,
            List<Integer> parents) {
        for (Node n = parentElement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("root")) {
                List<Point> line = new ArrayList<>();
                Element geometry = child(e, "geometry");
                Element polyline = child(geometry, "polyline");
                for (Node p = polyline.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element pe && pe.getTagName().equals("point")) {
                        line.add(new Point(Double.parseDouble(pe.getAttribute("x")),
                                Double.parseDouble(pe.getAttribute("y"))));
                    }
                }
                int index = roots.size();
                roots.add(line);
                parents.add(parentIndex);
                collect(e, index, roots, parents);
            }
        }
    }

    private static Element child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c;
            }
        }
        throw new AssertionError("no <" + tag + "> in <" + e.getTagName() + ">");
    }

    private static String text(Element e, String tag) {
        return child(e, tag).getTextContent().trim();
    }
}
