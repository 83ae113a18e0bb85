package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.StandIn;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.nodes.localiser.LocaliserNodeFactory;
import org.phenoloc.knime.nodes.predictor.CnnPredictorNodeFactory;
import org.phenoloc.knime.nodes.scorer.ScorerNodeFactory;
import org.phenoloc.knime.util.Tables;

class PredictorLocaliserScorerTest {

    @Test
    void predictorAppendsProbabilitiesAndReportsTable1() throws Exception {
        BufferedDataTable patches = Fixtures.patches();
        NodeModel predictor = new CnnPredictorNodeFactory().createNodeModel();
        var out = Fixtures.execute(predictor, Fixtures.model(), patches);
        BufferedDataTable predicted = (BufferedDataTable)out[0];
        BufferedDataTable report = (BufferedDataTable)out[1];
        DataTableSpec spec = predicted.getDataTableSpec();
        assertEquals(patches.getDataTableSpec().getNumColumns() + 3, spec.getNumColumns());
        int p0 = spec.findColumnIndex("P(root_tip)");
        int p1 = spec.findColumnIndex("P(negative)");
        int pc = spec.findColumnIndex("predicted_class");
        long correct = 0;
        for (DataRow r : Fixtures.rows(predicted)) {
            double a = ((DoubleValue)r.getCell(p0)).getDoubleValue();
            double b = ((DoubleValue)r.getCell(p1)).getDoubleValue();
            assertEquals(1.0, a + b, 1e-4);
            String cls = ((StringValue)r.getCell(pc)).getStringValue();
            assertEquals(a > b ? "root_tip" : "negative", cls);
            correct += cls.equals(((StringValue)r.getCell(1)).getStringValue()) ? 1 : 0;
        }
        List<DataRow> rows = Fixtures.rows(report);
        assertEquals(3, rows.size());
        DataRow total = rows.get(2);
        assertEquals("Total/Average", total.getKey().getString());
        assertEquals(correct, ((LongValue)total.getCell(1)).getLongValue());
        assertEquals(patches.size() - correct, ((LongValue)total.getCell(2)).getLongValue());
        assertEquals(100.0 * correct / patches.size(), ((DoubleValue)total.getCell(3)).getDoubleValue(), 1e-9);
    }

    @Test
    void predictorNeedsAModel() {
        NodeModel predictor = new CnnPredictorNodeFactory().createNodeModel();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandIn.configure(predictor, null, Fixtures.patches().getSpec()));
        assertTrue(e.getMessage().contains("CNN Learner"), e.getMessage());
    }

    @Test
    void thresholdSettingsAreCheckedWithMessages() throws Exception {
        NodeModel localiser = new LocaliserNodeFactory().createNodeModel();
        for (var bad : Map.of("0.99x", "not a number", "1.5", "strictly between 0 and 1",
            "root_tip=0.9, root_tip=0.8", "given twice", "=0.5", "no class name").entrySet()) {
            InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> Fixtures.set(localiser, "thresholds", bad.getKey()));
            assertTrue(e.getMessage().startsWith("Setting 'Thresholds'") && e.getMessage().contains(bad.getValue()),
                e.getMessage());
        }
        NodeModel unknown = new LocaliserNodeFactory().createNodeModel();
        Fixtures.set(unknown, "thresholds", "leaf_tip=0.9");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandIn.configure(unknown, Fixtures.model().getSpec(), Fixtures.points().getSpec()));
        assertTrue(e.getMessage().contains("no class 'leaf_tip'"), e.getMessage());
    }

    @Test
    void localiserMatchesTheEngineAndRendersPerImage() throws Exception {
        NodeModel localiser = new LocaliserNodeFactory().createNodeModel();
        Fixtures.set(localiser, "thresholds", "0.5");
        ExecutionContext exec = new ExecutionContext();
        var out = Fixtures.execute(localiser, exec, Fixtures.model(), Fixtures.points());
        BufferedDataTable detections = (BufferedDataTable)out[0];
        BufferedDataTable perImage = (BufferedDataTable)out[1];
        assertEquals(Fixtures.IMAGES, perImage.size(), "each distinct image once");
        DataRow first = Fixtures.rows(perImage).get(0);
        String image = ((StringValue)first.getCell(0)).getStringValue();
        LocalisationResult engine = new Localiser(Fixtures.model().getModel(),
            new LocaliserConfig(4, Map.of("*", 0.5), 0, true)).localise(Path.of(image), Progress.NONE);
        List<DataRow> mine = Fixtures.rows(detections).stream()
            .filter(r -> ((StringValue)r.getCell(0)).getStringValue().equals(image)).toList();
        assertTrue(mine.size() > 0, "the tiny model should find some peaks at 0.5");
        assertEquals(engine.detections().size(), mine.size());
        assertEquals(engine.detections().size(), ((IntValue)first.getCell(1)).getIntValue());
        for (int i = 0; i < mine.size(); i++) {
            Detection d = engine.detections().get(i);
            assertEquals(d.x(), ((DoubleValue)mine.get(i).getCell(2)).getDoubleValue(), 1e-9);
            assertEquals(d.y(), ((DoubleValue)mine.get(i).getCell(3)).getDoubleValue(), 1e-9);
            assertEquals(d.score(), ((DoubleValue)mine.get(i).getCell(4)).getDoubleValue(), 1e-9);
        }
        BufferedImage src = ImageFiles.readRgb(Path.of(image));
        for (int col : new int[] {3, 4}) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                ((PNGImageValue)first.getCell(col)).getImageContent().getByteArrayReference()));
            assertNotNull(img);
            assertEquals(src.getWidth(), img.getWidth());
            assertEquals(src.getHeight(), img.getHeight());
        }
        assertEquals(1.0, exec.getProgressForTest(), 1e-9);
    }

    @Test
    void localiserWarnsAboutGreyImagesForAColourModel() throws Exception {
        Path colour = Fixtures.dataset().resolve("synth_000.png");
        Path grey = Fixtures.dataset().getParent().resolve("grey").resolve("synth_grey.png");
        java.nio.file.Files.createDirectories(grey.getParent());
        BufferedImage src = ImageFiles.readRgb(colour);
        BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(src, 0, 0, null);
        ImageIO.write(g, "png", grey.toFile());
        NodeModel localiser = new LocaliserNodeFactory().createNodeModel();
        var out = Fixtures.execute(localiser, Fixtures.model(),
            Fixtures.strings(new String[] {"image"}, new String[] {colour.toString()}, new String[] {grey.toString()}));
        assertEquals(2, ((BufferedDataTable)out[1]).size(), "both images scanned");
        String warning = StandIn.warning(localiser);
        assertNotNull(warning);
        assertTrue(warning.startsWith("1 of 2 image(s) are greyscale, but the model was trained on colour images"), warning);
        assertTrue(warning.contains("(synth_grey.png)"), warning);
        NodeModel colourOnly = new LocaliserNodeFactory().createNodeModel();
        Fixtures.execute(colourOnly, Fixtures.model(), Fixtures.points());
        assertTrue(StandIn.warning(colourOnly) == null || !StandIn.warning(colourOnly).contains("greyscale"));
    }

    @Test
    void localiserCanBeCancelled() throws Exception {
        NodeModel localiser = new LocaliserNodeFactory().createNodeModel();
        ExecutionContext exec = new ExecutionContext();
        exec.cancel();
        assertThrows(org.knime.core.node.CanceledExecutionException.class,
            () -> Fixtures.execute(localiser, exec, Fixtures.model(), Fixtures.points()));
    }

    private static BufferedDataTable points(Object[]... rows) {
        DataTableSpec spec = new DataTableSpec(Tables.stringCol("image"), Tables.stringCol("class"),
            Tables.doubleCol("x"), Tables.doubleCol("y"));
        BufferedDataContainer c = new ExecutionContext().createDataContainer(spec);
        int n = 0;
        for (Object[] r : rows) {
            c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), new StringCell((String)r[0]),
                new StringCell((String)r[1]), new DoubleCell((Double)r[2]), new DoubleCell((Double)r[3])));
        }
        c.close();
        return c.getTable();
    }

    @Test
    void scorerCountsOneToOneMatchesWithinTheRadius() throws Exception {
        BufferedDataTable truth = points(new Object[] {"a.png", "root_tip", 10.0, 10.0},
            new Object[] {"a.png", "root_tip", 100.0, 100.0}, new Object[] {"a.png", "root_tip", 200.0, 50.0},
            new Object[] {"b.png", "root_tip", 30.0, 30.0});
        // full paths on the detection side: images are matched by file name
        BufferedDataTable det = points(new Object[] {"/x/a.png", "root_tip", 12.0, 10.0},
            new Object[] {"/x/a.png", "root_tip", 11.0, 11.0}, new Object[] {"/x/a.png", "root_tip", 100.0, 110.0},
            new Object[] {"/x/a.png", "root_tip", 300.0, 300.0}, new Object[] {"/x/c.png", "root_tip", 1.0, 1.0});
        NodeModel scorer = new ScorerNodeFactory().createNodeModel();
        var out = Fixtures.execute(scorer, det, truth, null);
        DataRow s = Fixtures.rows((BufferedDataTable)out[0]).get(0);
        // a.png: (12,10) and (100,110) match; (11,11) is a second detection of the first tip: FP; (300,300) FP
        // a.png: truth (200,50) missed; b.png: (30,30) missed. c.png has no truth: not scored (warning).
        assertEquals(2, ((IntValue)s.getCell(2)).getIntValue(), "images");
        assertEquals(2, ((IntValue)s.getCell(3)).getIntValue(), "TP");
        assertEquals(2, ((IntValue)s.getCell(4)).getIntValue(), "FP");
        assertEquals(2, ((IntValue)s.getCell(5)).getIntValue(), "FN");
        assertEquals(0.5, ((DoubleValue)s.getCell(6)).getDoubleValue(), 1e-12);
        assertEquals(0.5, ((DoubleValue)s.getCell(7)).getDoubleValue(), 1e-12);
        assertTrue(StandIn.warning(scorer).contains("c.png"), StandIn.warning(scorer));
        Fixtures.set(scorer, "radius", 5.0);
        DataRow tight = Fixtures.rows((BufferedDataTable)Fixtures.execute(scorer, det, truth, null)[0]).get(0);
        assertEquals(1, ((IntValue)tight.getCell(3)).getIntValue(), "only (11,11)/(12,10) within 5 px");
        assertEquals(2, Fixtures.rows((BufferedDataTable)out[1]).size(), "one per-image row per truth image");
        assertTrue(s.getCell(13).isMissing(), "no pixel accuracy without a model");
        for (int i = 14; i <= 20; i++) {
            assertTrue(s.getCell(i).isMissing(), "no tip placement without the reader's root_geometry column: " + i);
        }
    }

    @Test
    void scorerWithAModelAddsThePapersPixelAccuracy() throws Exception {
        NodeModel scorer = new ScorerNodeFactory().createNodeModel();
        Fixtures.set(scorer, "pixel_threshold", 0.5);
        BufferedDataTable truth = Fixtures.points();
        DataRow s = Fixtures.rows((BufferedDataTable)Fixtures.execute(scorer, truth, truth, Fixtures.model())[0])
            .get(0);
        assertEquals(1.0, ((DoubleValue)s.getCell(8)).getDoubleValue(), 1e-12, "truth scored against itself");
        var images = org.phenoloc.engine.annotations.AnnotationLoader.loadFolder(Fixtures.dataset(),
            org.phenoloc.engine.annotations.RsmlReader.PAPER_MIN_ROOT_LENGTH);
        var engine = org.phenoloc.engine.report.LocalisationEvaluation.run(Fixtures.model().getModel(),
            new LocaliserConfig(4, Map.of("*", 0.5), 0, true), images, Progress.NONE, null).get("root_tip").pixels();
        assertEquals(engine.falsePositivePercent(), ((DoubleValue)s.getCell(11)).getDoubleValue(), 1e-9);
        assertEquals(engine.falseNegativePercent(), ((DoubleValue)s.getCell(12)).getDoubleValue(), 1e-9);
        assertEquals(engine.accuracyPercent(), ((DoubleValue)s.getCell(13)).getDoubleValue(), 1e-9);
        assertTrue(engine.truthPixels() > 0 && engine.accuracyPercent() < 100);
        // the reader's root_geometry column places each tip against the other roots, as the engine's report does
        var placed = new org.phenoloc.engine.evaluation.TipPlacement.Tally();
        for (var a : images) {
            var tips = a.features().stream().map(f -> f.point()).toList();
            placed.add(a.image().getFileName().toString(), tips, a.structures(),
                org.phenoloc.engine.evaluation.PointMatcher.match(tips, tips, 16), 16);
        }
        int cell = 14;
        for (var p : org.phenoloc.engine.evaluation.TipPlacement.values()) {
            assertEquals(placed.tips(p), ((IntValue)s.getCell(cell++)).getIntValue(), "tips " + p);
            assertEquals(placed.tips(p), ((IntValue)s.getCell(cell++)).getIntValue(), "all found (truth vs itself) " + p);
        }
        assertEquals(placed.tips(), ((IntValue)s.getCell(3)).getIntValue());
        assertEquals(placed.f1FindingNoneOnAnotherRoot(), ((DoubleValue)s.getCell(20)).getDoubleValue(), 1e-12);
        assertTrue(placed.tips(org.phenoloc.engine.evaluation.TipPlacement.CLEAR) > 0);
    }
}
