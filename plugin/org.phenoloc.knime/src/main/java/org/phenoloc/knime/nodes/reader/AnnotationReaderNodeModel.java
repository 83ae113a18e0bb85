package org.phenoloc.knime.nodes.reader;

import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.AnnotationLoader;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Geometry;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/** Folder of annotated images -> one row per annotated point (engine: AnnotationLoader). */
final class AnnotationReaderNodeModel extends PhenolocNodeModel<AnnotationReaderSettings> {

    AnnotationReaderNodeModel() {
        super(new PortType[0], new PortType[] {BufferedDataTable.TYPE}, AnnotationReaderSettings::new);
    }

    static DataTableSpec outSpec() {
        return new DataTableSpec(Tables.stringCol(Columns.IMAGE), Tables.stringCol(Columns.IMAGE_NAME),
            Tables.stringCol(Columns.CLASS), Tables.doubleCol(Columns.X), Tables.doubleCol(Columns.Y),
            Tables.stringCol(Columns.ANNOTATION), Tables.stringCol(Columns.GEOMETRY));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        m_settings.existingFolder();
        return new PortObjectSpec[] {outSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        exec.setMessage("reading annotations");
        List<AnnotatedImage> images =
            AnnotationLoader.loadFolder(m_settings.existingFolder(), m_settings.m_minRootLength.getDoubleValue());
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        long row = 0;
        int i = 0;
        for (AnnotatedImage a : images) {
            exec.checkCanceled();
            DataCell geometry = new StringCell(Geometry.format(a.structures()));
            for (Feature f : a.features()) {
                out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++),
                    new StringCell(a.image().toAbsolutePath().toString()),
                    new StringCell(a.image().getFileName().toString()), new StringCell(f.className()),
                    new DoubleCell(f.x()), new DoubleCell(f.y()),
                    new StringCell(a.annotation().toAbsolutePath().toString()), geometry));
            }
            exec.setProgress(++i / (double)images.size(), "read " + a.image().getFileName());
        }
        out.close();
        if (row == 0) {
            setWarningMessage("The annotations name no points (roots shorter than "
                + m_settings.m_minRootLength.getDoubleValue() + " px give no tip)");
        }
        return new PortObject[] {out.getTable()};
    }
}
