package org.phenoloc.knime.nodes.predictor;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.evaluation.PatchReport;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchClassifier;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.port.PhenolocModelPortSpec;
import org.phenoloc.knime.util.Images;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/** Model + patch table -> class probabilities and predicted class appended, and the paper's Table 1. */
final class CnnPredictorNodeModel extends PhenolocNodeModel<CnnPredictorSettings> {
    static final String PREDICTED = "predicted_class";
    private static final int BATCH = 256;

    CnnPredictorNodeModel() {
        super(new PortType[] {PhenolocModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE}, CnnPredictorSettings::new);
    }

    static String probabilityColumn(final String cls) {
        return "P(" + cls + ")";
    }

    private static DataTableSpec appended(final DataTableSpec in, final ModelMetadata m) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (String c : m.classes()) {
            cols.add(Tables.doubleCol(probabilityColumn(c)));
        }
        cols.add(Tables.stringCol(PREDICTED));
        return new DataTableSpec(in, new DataTableSpec(cols.toArray(new DataColumnSpec[0])));
    }

    static DataTableSpec reportSpec(final ModelMetadata m) {
        List<DataColumnSpec> cols = new ArrayList<>(List.of(Tables.stringCol("class"), Tables.col("correct",
            LongCell.TYPE), Tables.col("misclassified", LongCell.TYPE), Tables.doubleCol("accuracy_percent")));
        for (String c : m.classes()) {
            cols.add(Tables.col("predicted:" + c, LongCell.TYPE));
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private int classColumn(final DataTableSpec spec) throws InvalidSettingsException {
        String name = m_settings.m_classColumn.getStringValue();
        if (name == null || name.isBlank() || !spec.containsName(name)) {
            return -1;
        }
        return Tables.column(spec, name, StringValue.class, "Class column", "patch table");
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (inSpecs[0] == null) {
            throw new InvalidSettingsException("No model: connect the model output of a CNN Learner");
        }
        ModelMetadata m = ((PhenolocModelPortSpec)inSpecs[0]).getMetadata();
        DataTableSpec in = (DataTableSpec)inSpecs[1];
        Tables.column(in, m_settings.m_patchColumn.getStringValue(), PNGImageValue.class, "Patch column",
            "patch table");
        classColumn(in);
        for (String c : m.classes()) {
            if (in.containsName(probabilityColumn(c)) || in.containsName(PREDICTED)) {
                throw new InvalidSettingsException("The patch table already has a column '" + probabilityColumn(c)
                    + "' or '" + PREDICTED + "' (predicted twice?); remove it first");
            }
        }
        return new PortObjectSpec[] {appended(in, m), reportSpec(m)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        PhenolocModel model = ((PhenolocModelPortObject)inObjects[0]).getModel();
        ModelMetadata m = model.metadata();
        BufferedDataTable in = (BufferedDataTable)inObjects[1];
        DataTableSpec spec = in.getDataTableSpec();
        int patchCol = Tables.column(spec, m_settings.m_patchColumn.getStringValue(), PNGImageValue.class,
            "Patch column", "patch table");
        int clsCol = classColumn(spec);
        BufferedDataContainer out = exec.createDataContainer(appended(spec, m));
        List<DataRow> rows = new ArrayList<>();
        List<Patch> patches = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                int label = label(r, clsCol, m);
                rows.add(r);
                patches.add(patch(r, patchCol, label, m));
                truth.add(label);
                if (rows.size() == BATCH || !it.hasNext()) {
                    exec.checkCanceled();
                    classify(model, rows, patches, out, predicted);
                    exec.setProgress(predicted.size() / (double)Math.max(1, in.size()),
                        "classified " + predicted.size() + " patches");
                    rows.clear();
                    patches.clear();
                }
            }
        }
        out.close();
        return new PortObject[] {out.getTable(), report(exec, m, truth, predicted)};
    }

    /** The row's class index in the model, -1 without a class column or with a missing class. */
    private static int label(final DataRow r, final int clsCol, final ModelMetadata m) {
        if (clsCol < 0 || r.getCell(clsCol).isMissing()) {
            return -1;
        }
        String cls = Tables.string(r, clsCol, "class");
        int label = m.classes().indexOf(cls);
        if (label < 0) {
            throw new BadInputException("row '" + r.getKey() + "': class '" + cls + "' is not one of the"
                + " model's classes " + m.classes());
        }
        return label;
    }

    /** The row's patch, checked to fit the network. */
    private static Patch patch(final DataRow r, final int patchCol, final int label, final ModelMetadata m) {
        Patch p = Images.patch(r, patchCol, Math.max(0, label), r.getKey().getString(), 0, 0);
        if (p.size() < m.architecture().window() || p.channels() != m.architecture().channels()) {
            throw new BadInputException("row '" + r.getKey() + "': the patch is " + p.size() + " x " + p.size()
                + " x " + p.channels() + "; the model needs at least " + m.architecture().window() + " x "
                + m.architecture().window() + " x " + m.architecture().channels());
        }
        return p;
    }

    /** Classifies one batch: each row with its class probabilities and predicted class appended. */
    private static void classify(final PhenolocModel model, final List<DataRow> rows, final List<Patch> patches,
        final BufferedDataContainer out, final List<Integer> predicted) {
        ModelMetadata m = model.metadata();
        float[][] prob = model.probabilities(patches);
        for (int i = 0; i < rows.size(); i++) {
            int arg = PatchClassifier.argMax(prob[i]);
            predicted.add(arg);
            List<DataCell> cells = new ArrayList<>();
            rows.get(i).forEach(cells::add);
            for (float v : prob[i]) {
                cells.add(new DoubleCell(v));
            }
            cells.add(new StringCell(m.classes().get(arg)));
            out.addRowToTable(new DefaultRow(rows.get(i).getKey(), cells));
        }
    }

    /** The Table-1 report over the patches that have a class (a warning when some or all have none). */
    private BufferedDataTable report(final ExecutionContext exec, final ModelMetadata m, final List<Integer> truth,
        final List<Integer> predicted) {
        BufferedDataContainer report = exec.createDataContainer(reportSpec(m));
        List<Integer> tt = new ArrayList<>();
        List<Integer> pp = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i) >= 0) {
                tt.add(truth.get(i));
                pp.add(predicted.get(i));
            }
        }
        if (!tt.isEmpty()) {
            if (tt.size() < truth.size()) {
                setWarningMessage("Some patches have no class: Table 1 covers only the " + tt.size() + " that have one");
            }
            addReport(report, PatchReport.of(m.classes(), tt.stream().mapToInt(Integer::intValue).toArray(),
                pp.stream().mapToInt(Integer::intValue).toArray()));
        } else {
            setWarningMessage("No class column ('" + m_settings.m_classColumn.getStringValue() + "'): predictions"
                + " only, the Table-1 report is empty");
        }
        report.close();
        return report.getTable();
    }

    /** Table 1 rows: one per class and Total/Average (confusion-matrix column sums in the total row). */
    private static void addReport(final BufferedDataContainer report, final PatchReport r) {
        int k = r.classNames().size();
        long[][] conf = r.confusion();
        long[] sums = new long[k];
        for (int t = 0; t < k; t++) {
            List<DataCell> cells = new ArrayList<>(List.of(new StringCell(r.classNames().get(t)),
                new LongCell(r.correct(t)), new LongCell(r.misclassified(t)),
                Tables.doubleOrMissing(r.accuracyPercent(t))));
            for (int p = 0; p < k; p++) {
                cells.add(new LongCell(conf[t][p]));
                sums[p] += conf[t][p];
            }
            report.addRowToTable(new DefaultRow(new RowKey(r.classNames().get(t)), cells));
        }
        List<DataCell> total = new ArrayList<>(List.of(new StringCell("Total/Average"),
            new LongCell(r.totalCorrect()), new LongCell(r.total() - r.totalCorrect()),
            Tables.doubleOrMissing(r.overallAccuracyPercent())));
        for (long s : sums) {
            total.add(new LongCell(s));
        }
        report.addRowToTable(new DefaultRow(new RowKey("Total/Average"), total));
    }
}
