package org.phenoloc.knime.nodes.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * Folder -> one row per image (jpg, png, tif, bmp; engine: ImageFiles.listImages), as locations in the folder
 * setting's form (below a knime:// folder: knime:// URLs), for the Sliding-Window Localiser.
 */
final class ImageListerNodeModel extends PhenolocNodeModel<LocationSettings> {
    ImageListerNodeModel() {
        super(new PortType[0], new PortType[] {BufferedDataTable.TYPE}, LocationSettings::imageFolder);
    }

    static DataTableSpec outSpec() {
        return new DataTableSpec(Tables.stringCol(Columns.IMAGE), Tables.stringCol(Columns.IMAGE_NAME));
    }

    private Path folder() throws InvalidSettingsException {
        Path p = m_settings.path();
        if (!Files.isDirectory(p)) {
            throw new InvalidSettingsException("Setting 'Image folder': '" + m_settings.m_location.getStringValue()
                + "' (" + p + ") does not exist or is not a folder");
        }
        return p;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        folder();
        return new PortObjectSpec[] {outSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path folder = folder();
        List<Path> images = ImageFiles.listImages(folder);
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        long row = 0;
        for (Path image : images) {
            exec.checkCanceled();
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++),
                new StringCell(Locations.child(m_settings.m_location.getStringValue(), folder, image)),
                new StringCell(image.getFileName().toString())));
        }
        out.close();
        if (images.isEmpty()) {
            setWarningMessage("No images (jpg, png, tif, bmp) in " + folder);
        }
        return new PortObject[] {out.getTable()};
    }
}
