package org.phenoloc.knime.nodes.reader;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.AnnotationLoader;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Geometry;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * Folder of annotated images -> one row per annotated point (engine: AnnotationLoader for roots, the point formats
 * of Task.SHOOTS for shoots). Image and annotation locations keep the folder setting's form (knime:// stays knime://).
 */
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
        m_settings.task();
        return new PortObjectSpec[] {outSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        exec.setMessage("reading annotations");
        Path folder = m_settings.existingFolder();
        Task task = m_settings.task();
        List<String> warnings = new ArrayList<>();
        List<AnnotatedImage> images = task == Task.ROOTS
            ? AnnotationLoader.loadFolder(folder, m_settings.m_minRootLength.getDoubleValue())
            : task.load(folder, null, warnings::add);
        String location = m_settings.m_folder.getStringValue();
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        long row = 0;
        int i = 0;
        for (AnnotatedImage a : images) {
            exec.checkCanceled();
            DataCell geometry = new StringCell(Geometry.format(a.structures()));
            DataCell image = new StringCell(Locations.child(location, folder, a.image()));
            DataCell annotation = new StringCell(Locations.child(location, folder, a.annotation()));
            for (Feature f : a.features()) {
                out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), image,
                    new StringCell(a.image().getFileName().toString()), new StringCell(f.className()),
                    new DoubleCell(f.x()), new DoubleCell(f.y()), annotation, geometry));
            }
            exec.setProgress(++i / (double)images.size(), "read " + a.image().getFileName());
        }
        out.close();
        if (row == 0) {
            warnings.add(task == Task.ROOTS ? "The annotations name no points (roots shorter than "
                + m_settings.m_minRootLength.getDoubleValue() + " px give no tip)" : "The annotations name no points");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings.subList(0, Math.min(5, warnings.size())))
                + (warnings.size() > 5 ? "\n... and " + (warnings.size() - 5) + " more" : ""));
        }
        return new PortObject[] {out.getTable()};
    }
}
