package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.StandIn;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.AnnotationLoader;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.annotations.RsmlReader;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchPixels;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.nodes.cropper.PatchCropperNodeFactory;
import org.phenoloc.knime.nodes.reader.AnnotationReaderNodeFactory;
import org.phenoloc.knime.util.Geometry;
import org.phenoloc.knime.util.Images;
import org.phenoloc.knime.util.PatchColumn;

class ReaderAndCropperTest {

    @Test
    void readerNeedsAnExistingFolder() throws Exception {
        NodeModel reader = new AnnotationReaderNodeFactory().createNodeModel();
        InvalidSettingsException none = assertThrows(InvalidSettingsException.class, () -> StandIn.configure(reader));
        assertTrue(none.getMessage().contains("Image folder"), none.getMessage());
        Fixtures.set(reader, "folder", "/no/such/folder");
        InvalidSettingsException missing =
            assertThrows(InvalidSettingsException.class, () -> StandIn.configure(reader));
        assertTrue(missing.getMessage().contains("/no/such/folder"), missing.getMessage());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void readerRejectsOutOfRangeSettings() {
        NodeModel reader = new AnnotationReaderNodeFactory().createNodeModel();
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> Fixtures.set(reader, "min_root_length", -1.0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void readerGivesOneRowPerAnnotatedTipWithGeometry() throws Exception {
        List<AnnotatedImage> expected = AnnotationLoader.loadFolder(Fixtures.dataset(), RsmlReader.PAPER_MIN_ROOT_LENGTH);
        BufferedDataTable points = Fixtures.points();
        int tips = expected.stream().mapToInt(a -> a.features().size()).sum();
        assertTrue(tips > 3, "the fixture should have several tips, has " + tips);
        assertEquals(tips, points.size());
        DataTableSpec spec = points.getDataTableSpec();
        List<DataRow> rows = Fixtures.rows(points);
        DataRow first = rows.get(0);
        AnnotatedImage a = expected.get(0);
        assertEquals(a.image().toAbsolutePath().toString(),
            ((StringValue)first.getCell(spec.findColumnIndex("image"))).getStringValue());
        assertEquals("root_tip", ((StringValue)first.getCell(spec.findColumnIndex("class"))).getStringValue());
        assertEquals(a.features().get(0).x(), ((DoubleValue)first.getCell(spec.findColumnIndex("x"))).getDoubleValue());
        assertEquals(a.features().get(0).y(), ((DoubleValue)first.getCell(spec.findColumnIndex("y"))).getDoubleValue());
        List<List<Point>> geometry = Geometry.parse(
            ((StringValue)first.getCell(spec.findColumnIndex("root_geometry"))).getStringValue());
        assertEquals(a.structures().size(), geometry.size());
        for (int i = 0; i < geometry.size(); i++) {
            assertEquals(a.structures().get(i).size(), geometry.get(i).size());
            for (int j = 0; j < geometry.get(i).size(); j++) {
                assertTrue(a.structures().get(i).get(j).distance(geometry.get(i).get(j)) < 0.01);
            }
        }
    }

    @Test
    void cropperNamesAMissingColumnAndABadRecipe() throws Exception {
        NodeModel cropper = new PatchCropperNodeFactory().createNodeModel();
        BufferedDataTable noX = Fixtures.strings(new String[] {"image", "class", "y"}, new String[] {"a.png", "root_tip", "1"});
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> StandIn.configure(cropper, noX.getSpec()));
        assertTrue(e.getMessage().contains("'X column'") && e.getMessage().contains("no column 'x'"), e.getMessage());
        InvalidSettingsException typed = assertThrows(InvalidSettingsException.class, () -> StandIn.configure(cropper,
            Fixtures.strings(new String[] {"image", "class", "x", "y"}).getSpec()));
        assertTrue(typed.getMessage().contains("'X column'") && typed.getMessage().contains("not numbers"),
            typed.getMessage());
        Fixtures.set(cropper, "recipe", "custom");
        InvalidSettingsException crop =
            assertThrows(InvalidSettingsException.class, () -> Fixtures.set(cropper, "crop", 20));
        assertTrue(crop.getMessage().startsWith("Setting 'Crop'"), crop.getMessage());
    }

    @Test
    void cropperCutsThePapersRecipeSplitByImage() throws Exception {
        BufferedDataTable patches = Fixtures.patches();
        DataTableSpec spec = patches.getDataTableSpec();
        assertTrue(PatchColumn.hasRecipe(spec.getColumnSpec("patch")));
        assertEquals(42, PatchColumn.recipe(spec.getColumnSpec("patch")).crop());
        int cls = spec.findColumnIndex("class");
        int img = spec.findColumnIndex("image");
        int part = spec.findColumnIndex("partition");
        long positives = 0;
        long negatives = 0;
        Map<String, Set<String>> partitionsOfImage = new HashMap<>();
        for (DataRow r : Fixtures.rows(patches)) {
            String c = ((StringValue)r.getCell(cls)).getStringValue();
            positives += c.equals("root_tip") ? 1 : 0;
            negatives += c.equals("negative") ? 1 : 0;
            partitionsOfImage.computeIfAbsent(((StringValue)r.getCell(img)).getStringValue(), k -> new TreeSet<>())
                .add(((StringValue)r.getCell(part)).getStringValue());
            Patch p = Images.patch(r, spec.findColumnIndex("patch"), 0, "", 0, 0);
            assertEquals(42, p.size());
            assertEquals(3, p.channels());
        }
        assertEquals(Fixtures.points().size(), positives, "one positive per tip");
        assertTrue(negatives > positives && negatives <= 2 * positives, negatives + " negatives for " + positives);
        assertEquals(Fixtures.IMAGES, partitionsOfImage.size());
        partitionsOfImage.values().forEach(p -> assertEquals(1, p.size(), "an image in both partitions: " + p));
        assertEquals(Set.of("train", "test"), partitionsOfImage.values().stream().flatMap(Set::stream)
            .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void patchCellsHoldTheEnginesPixelsLosslessly() throws Exception {
        BufferedDataTable patches = Fixtures.patches();
        DataTableSpec spec = patches.getDataTableSpec();
        DataRow r = Fixtures.rows(patches).get(0);
        BufferedImage image = ImageFiles.readRgb(java.nio.file.Path.of(((StringValue)r.getCell(spec.findColumnIndex("image"))).getStringValue()));
        double x = ((DoubleValue)r.getCell(spec.findColumnIndex("x"))).getDoubleValue();
        double y = ((DoubleValue)r.getCell(spec.findColumnIndex("y"))).getDoubleValue();
        byte[] expected = PatchPixels.crop(image, x, y, 42, 42, 3);
        assertArrayEquals(expected, Images.patch(r, spec.findColumnIndex("patch"), 0, "", x, y).pixels());
    }

    @Test
    void cropperIsDeterministicPerSeed() throws Exception {
        NodeModel a = new PatchCropperNodeFactory().createNodeModel();
        NodeModel b = new PatchCropperNodeFactory().createNodeModel();
        Fixtures.set(b, "seed", 43);
        List<DataRow> again = Fixtures.rows((BufferedDataTable)Fixtures.execute(a, Fixtures.points())[0]);
        List<DataRow> other = Fixtures.rows((BufferedDataTable)Fixtures.execute(b, Fixtures.points())[0]);
        List<DataRow> first = Fixtures.rows(Fixtures.patches());
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(png(first.get(i)), png(again.get(i)));
        }
        boolean differs = other.size() != first.size();
        for (int i = 0; !differs && i < first.size(); i++) {
            differs = !java.util.Arrays.equals(png(first.get(i)), png(other.get(i)));
        }
        assertTrue(differs, "another seed should give other negatives or another split");
    }

    private static byte[] png(DataRow r) {
        return ((PNGImageValue)r.getCell(0)).getImageContent().getByteArray();
    }

    @Test
    void hardNegativesLieOnTheRoots() throws Exception {
        NodeModel cropper = new PatchCropperNodeFactory().createNodeModel();
        Fixtures.set(cropper, "recipe", "custom");
        Fixtures.set(cropper, "hard_negative_share", 1.0);
        BufferedDataTable patches = (BufferedDataTable)Fixtures.execute(cropper, Fixtures.points())[0];
        List<AnnotatedImage> images = AnnotationLoader.loadFolder(Fixtures.dataset(), RsmlReader.PAPER_MIN_ROOT_LENGTH);
        DataTableSpec spec = patches.getDataTableSpec();
        int checked = 0;
        for (DataRow r : Fixtures.rows(patches)) {
            if (!((StringValue)r.getCell(spec.findColumnIndex("class"))).getStringValue().equals("negative")) {
                continue;
            }
            String image = ((StringValue)r.getCell(spec.findColumnIndex("image"))).getStringValue();
            Point p = new Point(((DoubleValue)r.getCell(spec.findColumnIndex("x"))).getDoubleValue(),
                ((DoubleValue)r.getCell(spec.findColumnIndex("y"))).getDoubleValue());
            AnnotatedImage a = images.stream().filter(i -> i.image().toAbsolutePath().toString().equals(image))
                .findFirst().orElseThrow();
            assertTrue(distanceToStructure(p, a.structures()) < 0.05, "negative " + p + " is off the roots");
            checked++;
        }
        assertTrue(checked > 0);
        // and without the geometry column no negative is forced onto the roots
        NodeModel random = new PatchCropperNodeFactory().createNodeModel();
        Fixtures.set(random, "recipe", "custom");
        Fixtures.set(random, "hard_negative_share", 1.0);
        Fixtures.set(random, "geometry_column", "");
        BufferedDataTable spread = (BufferedDataTable)Fixtures.execute(random, Fixtures.points())[0];
        long off = Fixtures.rows(spread).stream()
            .filter(r -> ((StringValue)r.getCell(1)).getStringValue().equals("negative"))
            .filter(r -> {
                String image = ((StringValue)r.getCell(2)).getStringValue();
                AnnotatedImage a = images.stream().filter(i -> i.image().toAbsolutePath().toString().equals(image))
                    .findFirst().orElseThrow();
                return distanceToStructure(new Point(((DoubleValue)r.getCell(3)).getDoubleValue(),
                    ((DoubleValue)r.getCell(4)).getDoubleValue()), a.structures()) > 1;
            }).count();
        assertTrue(off > 0);
        assertFalse(spread.size() == 0);
    }

    private static double distanceToStructure(Point p, List<List<Point>> lines) {
        double best = Double.MAX_VALUE;
        for (List<Point> line : lines) {
            for (int i = 1; i < line.size(); i++) {
                Point a = line.get(i - 1);
                Point b = line.get(i);
                double dx = b.x() - a.x();
                double dy = b.y() - a.y();
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
                best = Math.min(best, p.distance(new Point(a.x() + t * dx, a.y() + t * dy)));
            }
        }
        return best;
    }

    @Test
    void cropperSettingsRoundTrip() throws Exception {
        NodeModel cropper = new PatchCropperNodeFactory().createNodeModel();
        Fixtures.set(cropper, "negative_ratio", 3.0);
        Fixtures.set(cropper, "grey", true);
        NodeModel copy = new PatchCropperNodeFactory().createNodeModel();
        StandIn.loadSettings(copy, StandIn.saveSettings(cropper));
        assertEquals(StandIn.saveSettings(cropper).toString(), StandIn.saveSettings(copy).toString());
        assertNotEquals(StandIn.saveSettings(new PatchCropperNodeFactory().createNodeModel()).toString(),
            StandIn.saveSettings(copy).toString());
    }
}
