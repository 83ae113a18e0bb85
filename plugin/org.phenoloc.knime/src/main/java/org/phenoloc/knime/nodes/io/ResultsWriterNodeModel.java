package org.phenoloc.knime.nodes.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.OutputChecks;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * The Sliding-Window Localiser's two tables -> files in an output folder, in the command line's contract
 * ({@code phenoloc localise --out}): detections.csv (image,class,x,y,score), counts.csv (image,class,count) and, where
 * the per-image table has them, {@code <image>_overlay.png} and {@code <image>_heatmap.png}. Images are named by
 * file name. Output: one row per file written.
 */
final class ResultsWriterNodeModel extends PhenolocNodeModel<LocationSettings> {
    /** Column prefix of the Localiser's per-class counts ("count root_tip"). */
    static final String COUNT_PREFIX = "count ";
    static final String OVERLAY = "overlay";
    static final String HEAT_MAP = "heat map";

    ResultsWriterNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE}, LocationSettings::outputFolder);
    }

    static DataTableSpec outSpec() {
        return new DataTableSpec(Tables.stringCol("file"), Tables.stringCol("content"));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        Path out = m_settings.path();
        if (Files.isRegularFile(out)) { // what can be known without writing: the rest is checked before writing
            throw new InvalidSettingsException("Setting '" + m_settings.m_label + "': " + out
                + " exists and is a file, not a folder");
        }
        DataTableSpec det = (DataTableSpec)inSpecs[0];
        Tables.column(det, Columns.IMAGE, StringValue.class, "Detections input", "detections table");
        Tables.column(det, Columns.CLASS, StringValue.class, "Detections input", "detections table");
        Tables.column(det, Columns.SCORE, DoubleValue.class, "Detections input", "detections table");
        Tables.column((DataTableSpec)inSpecs[1], Columns.IMAGE, StringValue.class, "Per-image input",
            "per-image table");
        return new PortObjectSpec[] {outSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path out = m_settings.path();
        OutputChecks.checkFolder(out); // creatable, writable, not full: named errors before anything is written
        BufferedDataContainer files = exec.createDataContainer(outSpec());
        List<String> written = new ArrayList<>();
        written.add(writeDetections((BufferedDataTable)inObjects[0], out.resolve("detections.csv")));
        written.addAll(writePerImage((BufferedDataTable)inObjects[1], out, exec));
        long row = 0;
        for (String w : written) {
            String[] fileAndContent = w.split("\t", 2);
            files.addRowToTable(new DefaultRow(RowKey.createRowKey(row++),
                new StringCell(Locations.child(m_settings.m_location.getStringValue(), out,
                    out.resolve(fileAndContent[0]))), new StringCell(fileAndContent[1])));
        }
        files.close();
        return new PortObject[] {files.getTable()};
    }

    private static String writeDetections(final BufferedDataTable t, final Path file) throws IOException {
        DataTableSpec s = t.getDataTableSpec();
        int[] cols = {s.findColumnIndex(Columns.IMAGE), s.findColumnIndex(Columns.CLASS), s.findColumnIndex(Columns.X),
            s.findColumnIndex(Columns.Y), s.findColumnIndex(Columns.SCORE)};
        StringBuilder csv = new StringBuilder("image,class,x,y,score\n");
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                csv.append(csvField(Locations.fileName(Tables.string(r, cols[0], "image")))).append(',')
                    .append(csvField(Tables.string(r, cols[1], "class"))).append(String.format(Locale.ROOT,
                        ",%.2f,%.2f,%.5f\n", Tables.number(r, cols[2], "x"), Tables.number(r, cols[3], "y"),
                        Tables.number(r, cols[4], "score")));
            }
        }
        AtomicFiles.writeString(file, csv.toString());
        return file.getFileName() + "\tdetections (" + t.size() + ")";
    }

    private static List<String> writePerImage(final BufferedDataTable t, final Path out, final ExecutionContext exec)
        throws Exception {
        DataTableSpec s = t.getDataTableSpec();
        int image = s.findColumnIndex(Columns.IMAGE);
        List<String> written = new ArrayList<>();
        StringBuilder counts = new StringBuilder("image,class,count\n");
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                exec.checkCanceled();
                DataRow r = it.next();
                String name = Locations.fileName(Tables.string(r, image, "image"));
                String stem = name.replaceFirst("\\.[^.]+$", "");
                for (int c = 0; c < s.getNumColumns(); c++) {
                    String col = s.getColumnSpec(c).getName();
                    DataCell cell = r.getCell(c);
                    if (col.startsWith(COUNT_PREFIX) && !cell.isMissing()) {
                        counts.append(csvField(name)).append(',').append(csvField(col.substring(COUNT_PREFIX.length())))
                            .append(',').append(((IntValue)cell).getIntValue()).append('\n');
                    } else if ((col.equals(OVERLAY) || col.equals(HEAT_MAP)) && !cell.isMissing()) {
                        String file = stem + (col.equals(OVERLAY) ? "_overlay.png" : "_heatmap.png");
                        byte[] png = ((PNGImageValue)cell).getImageContent().getByteArrayReference();
                        AtomicFiles.write(out.resolve(file), os -> os.write(png));
                        written.add(file + "\t" + col + " of " + name);
                    }
                }
            }
        }
        AtomicFiles.writeString(out.resolve("counts.csv"), counts.toString());
        written.add(0, "counts.csv\tcounts per image and class (" + t.size() + " images)");
        return written;
    }

    private static String csvField(final String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
