package org.phenoloc.knime.nodes.scorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
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
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * Detections + ground-truth points -> precision, recall and F1 at a radius (engine: PointMatcher, one-to-one
 * matching; MatchSummary, counts summed over images). Images are matched by file name; per class.
 */
final class ScorerNodeModel extends PhenolocNodeModel<ScorerSettings> {

    ScorerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE}, ScorerSettings::new);
    }

    static DataTableSpec summarySpec() {
        return new DataTableSpec(Tables.stringCol("class"), Tables.doubleCol("radius"), Tables.intCol("images"),
            Tables.intCol("true_positives"), Tables.intCol("false_positives"), Tables.intCol("false_negatives"),
            Tables.doubleCol("precision"), Tables.doubleCol("recall"), Tables.doubleCol("f1"),
            Tables.doubleCol("mean_error_px"), Tables.doubleCol("mean_abs_count_error"));
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

    /** class -> image file name -> points. */
    private Map<String, Map<String, List<Point>>> points(final BufferedDataTable t, final Cols c) {
        Map<String, Map<String, List<Point>>> out = new TreeMap<>();
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                String image = Path.of(Tables.string(r, c.image(), "image")).getFileName().toString();
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
        var det = points(detTable, columns(detTable.getDataTableSpec(), "detections table"));
        var truth = points(truthTable, columns(truthTable.getDataTableSpec(), "ground-truth table"));
        double radius = m_settings.m_radius.getDoubleValue();
        BufferedDataContainer summary = exec.createDataContainer(summarySpec());
        BufferedDataContainer perImage = exec.createDataContainer(imageSpec());
        TreeSet<String> ignored = new TreeSet<>();
        long row = 0;
        for (var e : truth.entrySet()) {
            String cls = e.getKey();
            Map<String, List<Point>> detByImage = det.getOrDefault(cls, Map.of());
            detByImage.keySet().stream().filter(i -> !e.getValue().containsKey(i)).forEach(ignored::add);
            List<MatchResult> results = new ArrayList<>();
            for (var img : e.getValue().entrySet()) {
                exec.checkCanceled();
                List<Point> d = detByImage.getOrDefault(img.getKey(), List.of());
                MatchResult m = PointMatcher.match(d, img.getValue(), radius);
                results.add(m);
                perImage.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), new StringCell(img.getKey()),
                    new StringCell(cls), new IntCell(img.getValue().size()), new IntCell(d.size()),
                    new IntCell(m.truePositives()), new IntCell(m.falsePositives()), new IntCell(m.falseNegatives()),
                    new DoubleCell(m.precision()), new DoubleCell(m.recall()), new DoubleCell(m.f1())));
            }
            MatchSummary s = MatchSummary.of(results);
            summary.addRowToTable(new DefaultRow(new RowKey(cls), new StringCell(cls), new DoubleCell(radius),
                new IntCell(s.images()), new IntCell(s.truePositives()), new IntCell(s.falsePositives()),
                new IntCell(s.falseNegatives()), new DoubleCell(s.precision()), new DoubleCell(s.recall()),
                new DoubleCell(s.f1()), Tables.doubleOrMissing(s.meanError()),
                new DoubleCell(s.meanAbsoluteCountError())));
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
}
