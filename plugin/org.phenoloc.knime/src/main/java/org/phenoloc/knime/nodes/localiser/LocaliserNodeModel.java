package org.phenoloc.knime.nodes.localiser;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListSet;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.LocaliserPool;
import org.phenoloc.engine.localisation.OrderedPipeline;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.port.PhenolocModelPortSpec;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Images;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/** Model + image paths -> detections and per-image counts with heat maps and overlays (engine: Localiser). */
final class LocaliserNodeModel extends PhenolocNodeModel<LocaliserSettings> {

    LocaliserNodeModel() {
        super(new PortType[] {PhenolocModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE}, LocaliserSettings::new);
    }

    static DataTableSpec detectionSpec() {
        return new DataTableSpec(Tables.stringCol(Columns.IMAGE), Tables.stringCol(Columns.CLASS),
            Tables.doubleCol(Columns.X), Tables.doubleCol(Columns.Y), Tables.doubleCol(Columns.SCORE));
    }

    static String countColumn(final String cls) {
        return "count " + cls;
    }

    DataTableSpec imageSpec(final ModelMetadata m) {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(Tables.stringCol(Columns.IMAGE));
        for (String c : m.featureClasses()) {
            cols.add(Tables.intCol(countColumn(c)));
        }
        cols.add(Tables.doubleCol("seconds"));
        if (m_settings.m_renderings.getBooleanValue()) {
            cols.add(Tables.col("heat map", PNGImageCellFactory.TYPE));
            cols.add(Tables.col("overlay", PNGImageCellFactory.TYPE));
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        if (inSpecs[0] == null) {
            throw new InvalidSettingsException("No model: connect the model output of a CNN Learner");
        }
        ModelMetadata m = ((PhenolocModelPortSpec)inSpecs[0]).getMetadata();
        checkThresholdClasses(m);
        Tables.column((DataTableSpec)inSpecs[1], m_settings.m_imageColumn.getStringValue(), StringValue.class,
            "Image column", "image table");
        return new PortObjectSpec[] {detectionSpec(), imageSpec(m)};
    }

    private void checkThresholdClasses(final ModelMetadata m) throws InvalidSettingsException {
        for (String cls : m_settings.config().thresholds().keySet()) {
            if (!cls.equals("*") && !m.featureClasses().contains(cls)) {
                throw new InvalidSettingsException("Setting '" + LocaliserSettings.THRESHOLDS_LABEL + "': the model has"
                    + " no class '" + cls + "' (its classes: " + m.featureClasses() + ")");
            }
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        PhenolocModel model = ((PhenolocModelPortObject)inObjects[0]).getModel();
        ModelMetadata m = model.metadata();
        checkThresholdClasses(m);
        BufferedDataTable in = (BufferedDataTable)inObjects[1];
        int col = Tables.column(in.getDataTableSpec(), m_settings.m_imageColumn.getStringValue(), StringValue.class,
            "Image column", "image table");
        Map<String, Path> images = new LinkedHashMap<>();
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                String location = Tables.string(r, col, "image path");
                if (!images.containsKey(location)) {
                    images.put(location, Locations.cell(location, r.getKey().toString()));
                }
            }
        }
        List<Map.Entry<String, Path>> list = List.copyOf(images.entrySet());
        LocaliserConfig config = m_settings.config();
        int workers = Math.max(1, Math.min(m_settings.workers(), list.size())); // no idle workers holding scan buffers
        BufferedDataContainer detections = exec.createDataContainer(detectionSpec());
        BufferedDataContainer perImage = exec.createDataContainer(imageSpec(m));
        long[] det = {0};
        int[] done = {0};
        OrderedPipeline<BufferedImage, Scanned> pipeline = new OrderedPipeline<>(workers);
        Progress progress = new Progress() {
            @Override
            public boolean isCancelled() {
                return pipeline.stopped() || cancelled(exec);
            }
        };
        // one localiser per worker, all on this node's model; nothing shared with other node instances
        SortedSet<Integer> grey = new ConcurrentSkipListSet<>();
        try (LocaliserPool pool = new LocaliserPool(model, config, workers)) {
            pipeline.run(list.size(), stages(list, pool, m, progress, grey), outcome -> {
                Map.Entry<String, Path> entry = list.get(outcome.index());
                if (outcome.failed()) {
                    throw failure(outcome.error(), entry.getValue());
                }
                det[0] = addRows(detections, perImage, outcome.index(), entry.getKey(), outcome.result(), m, det[0]);
                done[0]++;
                exec.setProgress(done[0] / (double)list.size(), "scanned " + entry.getValue().getFileName() + ": "
                    + outcome.result().result().detections().size() + " detections");
            });
        }
        detections.close();
        perImage.close();
        if (!grey.isEmpty()) {
            setWarningMessage(Localiser.greyImagesWarning(
                grey.stream().map(i -> list.get(i).getValue().getFileName().toString()).toList(), list.size()));
        }
        return new PortObject[] {detections.getTable(), perImage.getTable()};
    }

    /** A scanned image: the result and, with renderings on, its two pictures as PNG cells. */
    private record Scanned(LocalisationResult result, DataCell heatMap, DataCell overlay) {}

    private OrderedPipeline.Stages<BufferedImage, Scanned> stages(final List<Map.Entry<String, Path>> list,
        final LocaliserPool pool, final ModelMetadata m, final Progress progress, final Set<Integer> grey) {
        boolean renderings = m_settings.m_renderings.getBooleanValue();
        double radius = m.halfWindowPixels(); // the overlay's circles, as the command line draws them
        return new OrderedPipeline.Stages<>() {
            @Override
            public BufferedImage load(final int index) {
                progress.checkCancelled();
                return ImageFiles.readRgb(list.get(index).getValue());
            }

            @Override
            public Scanned process(final int index, final BufferedImage img) throws Exception {
                Path file = list.get(index).getValue();
                Localiser localiser = pool.borrow();
                LocalisationResult r;
                try {
                    if (localiser.greyForColourModel(img)) {
                        grey.add(index);
                    }
                    r = localiser.localise(img, file.getFileName().toString(), progress);
                } finally {
                    pool.giveBack(localiser);
                }
                if (!renderings) {
                    return new Scanned(r, null, null);
                }
                return new Scanned(r, Images.pngCell(Renderings.heatMap(r)),
                    Images.pngCell(Renderings.overlay(img, r.detections(), m.featureClasses(), null, radius)));
            }
        };
    }

    private long addRows(final BufferedDataContainer detections, final BufferedDataContainer perImage, final int index,
        final String image, final Scanned s, final ModelMetadata m, final long firstKey) {
        long det = firstKey;
        LocalisationResult r = s.result();
        for (Detection d : r.detections()) {
            detections.addRowToTable(new DefaultRow(RowKey.createRowKey(det++), new StringCell(image),
                new StringCell(d.className()), new DoubleCell(d.x()), new DoubleCell(d.y()), new DoubleCell(d.score())));
        }
        List<DataCell> cells = new ArrayList<>();
        cells.add(new StringCell(image));
        for (String c : m.featureClasses()) {
            cells.add(new IntCell((int)r.count(c)));
        }
        cells.add(new DoubleCell(r.seconds()));
        if (s.heatMap() != null) {
            cells.add(s.heatMap());
            cells.add(s.overlay());
        }
        perImage.addRowToTable(new DefaultRow(RowKey.createRowKey(index), cells));
        return det;
    }

    /** An image's failure as the node reports it: cancellation as KNIME's, bad input naming the file. */
    private static Exception failure(final Throwable error, final Path file) {
        if (error instanceof Progress.CancelledException || error instanceof OrderedPipeline.StoppedException) {
            return cancelledException();
        }
        if (error instanceof BadInputException e) {
            boolean named = e.file() != null && !e.file().toString().equals("image");
            return named ? e : new BadInputException(file, e.getMessage(), e);
        }
        if (error instanceof Exception e) {
            return e;
        }
        throw (Error)error;
    }
}
