package org.phenoloc.knime.nodes.scorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.BitMap;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PixelAccuracy;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.evaluation.TipPlacement;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.util.Geometry;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * Detections + ground-truth points -> precision, recall and F1 at a radius (engine: PointMatcher, one-to-one
 * matching; MatchSummary, counts summed over images). Images are matched by file name; per class. With the optional
 * model connected, also the paper's pixel accuracy (engine: Localiser maps, Renderings.binaryMap, PixelAccuracy),
 * which needs the probability maps and so rescans the ground-truth images.
 */
final class ScorerNodeModel extends PhenolocNodeModel<ScorerSettings> {

    ScorerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE,
            PortTypeRegistry.getInstance().getPortType(PhenolocModelPortObject.class, true)},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE}, ScorerSettings::new);
    }

    static DataTableSpec summarySpec() {
        return new DataTableSpec(Tables.stringCol("class"), Tables.doubleCol("radius"), Tables.intCol("images"),
            Tables.intCol("true_positives"), Tables.intCol("false_positives"), Tables.intCol("false_negatives"),
            Tables.doubleCol("precision"), Tables.doubleCol("recall"), Tables.doubleCol("f1"),
            Tables.doubleCol("mean_error_px"), Tables.doubleCol("mean_abs_count_error"),
            Tables.doubleCol("pixel_false_positive_percent"), Tables.doubleCol("pixel_false_negative_percent"),
            Tables.doubleCol("pixel_accuracy_percent"), Tables.intCol("tips_on_other_roots"),
            Tables.intCol("found_on_other_roots"), Tables.intCol("tips_beside_other_roots"),
            Tables.intCol("found_beside_other_roots"), Tables.intCol("tips_clear_of_other_roots"),
            Tables.intCol("found_clear_of_other_roots"), Tables.doubleCol("f1_finding_none_on_other_roots"));
    }

    static DataTableSpec imageSpec() {
        return new DataTableSpec(Tables.stringCol("image"), Tables.stringCol("class"), Tables.intCol("truth"),
            Tables.intCol("detected"), Tables.intCol("true_positives"), Tables.intCol("false_positives"),
            Tables.intCol("false_negatives"), Tables.doubleCol("precision"), Tables.doubleCol("recall"),
            Tables.doubleCol("f1"));
    }

    private record Cols(int image, int cls, int x, int y) {
    }

    private Cols columns(final DataTableSpec spec, final String table) throws InvalidSettingsException {
        return new Cols(
            Tables.column(spec, m_settings.m_imageColumn.getStringValue(), StringValue.class, "Image column", table),
            Tables.column(spec, m_settings.m_classColumn.getStringValue(), StringValue.class, "Class column", table),
            Tables.column(spec, m_settings.m_xColumn.getStringValue(), DoubleValue.class, "X column", table),
            Tables.column(spec, m_settings.m_yColumn.getStringValue(), DoubleValue.class, "Y column", table));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        columns((DataTableSpec)inSpecs[0], "detections table");
        columns((DataTableSpec)inSpecs[1], "ground-truth table");
        return new PortObjectSpec[] {summarySpec(), imageSpec()};
    }

    /**
     * class -> image file name -> points; {@code paths} collects file name -> path as given, {@code lines} file name
     * -> root lines when the table has the Annotation Reader's geometry column.
     */
    private Map<String, Map<String, List<Point>>> points(final BufferedDataTable t, final Cols c,
        final Map<String, String> paths, final Map<String, List<List<Point>>> lines) {
        Map<String, Map<String, List<Point>>> out = new TreeMap<>();
        int geometry = Geometry.column(t.getDataTableSpec());
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                String path = Tables.string(r, c.image(), "image");
                String image = Locations.fileName(path);
                paths.putIfAbsent(image, path);
                if (geometry >= 0 && !lines.containsKey(image)) { // every row of an image carries them: read once
                    lines.put(image, Geometry.read(r, geometry));
                }
                out.computeIfAbsent(Tables.string(r, c.cls(), "class"), k -> new TreeMap<>())
                    .computeIfAbsent(image, k -> new ArrayList<>())
                    .add(new Point(Tables.number(r, c.x(), "x coordinate"), Tables.number(r, c.y(), "y coordinate")));
            }
        }
        return out;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable detTable = (BufferedDataTable)inObjects[0];
        BufferedDataTable truthTable = (BufferedDataTable)inObjects[1];
        var det = points(detTable, columns(detTable.getDataTableSpec(), "detections table"), new TreeMap<>(),
            new TreeMap<>());
        Map<String, String> truthPaths = new TreeMap<>();
        Map<String, List<List<Point>>> lines = new TreeMap<>();
        var truth = points(truthTable, columns(truthTable.getDataTableSpec(), "ground-truth table"), truthPaths, lines);
        double radius = m_settings.m_radius.getDoubleValue();
        Map<String, PixelAccuracy> pixels = inObjects[2] == null ? Map.of()
            : pixelAccuracy(((PhenolocModelPortObject)inObjects[2]).getModel(), truth, truthPaths,
                exec.createSubExecutionContext(0.9));
        BufferedDataContainer summary = exec.createDataContainer(summarySpec());
        BufferedDataContainer perImage = exec.createDataContainer(imageSpec());
        TreeSet<String> ignored = new TreeSet<>();
        long row = 0;
        for (var e : truth.entrySet()) {
            String cls = e.getKey();
            Map<String, List<Point>> detByImage = det.getOrDefault(cls, Map.of());
            detByImage.keySet().stream().filter(i -> !e.getValue().containsKey(i)).forEach(ignored::add);
            List<MatchResult> results = new ArrayList<>();
            TipPlacement.Tally placements = new TipPlacement.Tally();
            for (var img : e.getValue().entrySet()) {
                exec.checkCanceled();
                List<Point> d = detByImage.getOrDefault(img.getKey(), List.of());
                MatchResult m = PointMatcher.match(d, img.getValue(), radius);
                results.add(m);
                if (radius > 0) { // radius 0 (exact positions) has no "beside": no placement
                    placements.add(img.getKey(), img.getValue(), lines.getOrDefault(img.getKey(), List.of()), m, radius);
                }
                perImage.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), new StringCell(img.getKey()),
                    new StringCell(cls), new IntCell(img.getValue().size()), new IntCell(d.size()),
                    new IntCell(m.truePositives()), new IntCell(m.falsePositives()), new IntCell(m.falseNegatives()),
                    new DoubleCell(m.precision()), new DoubleCell(m.recall()), new DoubleCell(m.f1())));
            }
            summary.addRowToTable(summaryRow(cls, radius, MatchSummary.of(results), pixels.get(cls), placements));
        }
        for (String cls : det.keySet()) {
            if (!truth.containsKey(cls)) {
                ignored.add("class " + cls);
            }
        }
        summary.close();
        perImage.close();
        if (!ignored.isEmpty()) {
            setWarningMessage("Detections not scored (no ground truth for these images/classes): " + ignored);
        }
        return new PortObject[] {summary.getTable(), perImage.getTable()};
    }

    /** One class's summary row; pixel and placement cells are missing without a model or without root lines. */
    private static DataRow summaryRow(final String cls, final double radius, final MatchSummary s,
        final PixelAccuracy px, final TipPlacement.Tally placed) {
        List<DataCell> cells = new ArrayList<>(List.of(new StringCell(cls), new DoubleCell(radius),
            new IntCell(s.images()), new IntCell(s.truePositives()), new IntCell(s.falsePositives()),
            new IntCell(s.falseNegatives()), new DoubleCell(s.precision()), new DoubleCell(s.recall()),
            new DoubleCell(s.f1()), Tables.doubleOrMissing(s.meanError()), new DoubleCell(s.meanAbsoluteCountError()),
            Tables.doubleOrMissing(px != null ? px.falsePositivePercent() : Double.NaN),
            Tables.doubleOrMissing(px != null ? px.falseNegativePercent() : Double.NaN),
            Tables.doubleOrMissing(px != null ? px.accuracyPercent() : Double.NaN)));
        for (TipPlacement p : TipPlacement.values()) {
            cells.add(placed.anyLines() ? new IntCell(placed.tips(p)) : DataType.getMissingCell());
            cells.add(placed.anyLines() ? new IntCell(placed.found(p)) : DataType.getMissingCell());
        }
        cells.add(Tables.doubleOrMissing(placed.anyLines() ? placed.f1FindingNoneOnAnotherRoot() : Double.NaN));
        return new DefaultRow(new RowKey(cls), cells.toArray(new DataCell[0]));
    }

    /**
     * The paper's pixel measure per model class, summed over the ground-truth images: each image is scanned, the
     * class map thresholded, and compared with disks of half a window around the true points.
     */
    private Map<String, PixelAccuracy> pixelAccuracy(final PhenolocModel model,
        final Map<String, Map<String, List<Point>>> truth, final Map<String, String> paths,
        final ExecutionContext exec) throws Exception {
        double t = m_settings.m_pixelThreshold.getDoubleValue();
        Localiser localiser = new Localiser(model, new LocaliserConfig(4, t > 0 ? Map.of("*", t) : Map.of(), 0, true));
        List<String> classes = model.metadata().featureClasses();
        double halfWindow = model.metadata().recipe().window() / model.metadata().imageScale() / 2;
        Map<String, List<PixelAccuracy>> perClass = new TreeMap<>();
        int done = 0;
        for (Map.Entry<String, String> image : paths.entrySet()) {
            exec.checkCanceled();
            Path file;
            try {
                file = Locations.resolve(image.getValue());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("ground-truth image " + e.getMessage());
            }
            LocalisationResult r;
            try {
                r = localiser.localise(ImageFiles.readRgb(file), image.getKey(),
                    progress(exec.createSubExecutionContext(1.0 / paths.size())));
            } catch (Progress.CancelledException e) {
                throw cancelledException();
            }
            for (int c = 0; c < classes.size(); c++) {
                String cls = classes.get(c);
                BitMap map = BitMap.of(Renderings.binaryMap(r, c, localiser.thresholds().get(cls)), r.width(),
                    r.height());
                List<Point> pts = truth.getOrDefault(cls, Map.of()).getOrDefault(image.getKey(), List.of());
                perClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(PixelAccuracy.measure(map, pts, halfWindow));
            }
            exec.setProgress(++done / (double)paths.size(), "pixel accuracy: scanned " + image.getKey());
        }
        Map<String, PixelAccuracy> out = new TreeMap<>();
        perClass.forEach((cls, list) -> out.put(cls, PixelAccuracy.sum(list)));
        return out;
    }
}
