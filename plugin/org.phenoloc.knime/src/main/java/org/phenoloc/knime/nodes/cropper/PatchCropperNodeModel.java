package org.phenoloc.knime.nodes.cropper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
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
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.patches.ImageSplit;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchRecipe;
import org.phenoloc.engine.patches.PatchSampler;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Geometry;
import org.phenoloc.knime.util.Images;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PatchColumn;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * Points table -> patch table for the chosen task (engine: ImageSplit by image, PatchSampler with the recipe). Images are split into
 * train/test first, then patches are cut image by image with one seeded Random, as TrainingJob does.
 */
final class PatchCropperNodeModel extends PhenolocNodeModel<PatchCropperSettings> {
    PatchCropperNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE},
            PatchCropperSettings::new);
    }

    private record Cols(int image, int cls, int x, int y, int geometry) {
    }

    private Cols columns(final DataTableSpec spec) throws InvalidSettingsException {
        String t = "points table";
        int image = Tables.column(spec, m_settings.m_imageColumn.getStringValue(), StringValue.class, "Image column", t);
        int cls = Tables.column(spec, m_settings.m_classColumn.getStringValue(), StringValue.class, "Class column", t);
        int x = Tables.column(spec, m_settings.m_xColumn.getStringValue(), DoubleValue.class, "X column", t);
        int y = Tables.column(spec, m_settings.m_yColumn.getStringValue(), DoubleValue.class, "Y column", t);
        String g = m_settings.m_geometryColumn.getStringValue();
        int geometry = g == null || g.isBlank() ? -1
            : Tables.column(spec, g, StringValue.class, "Root geometry column (empty for none)", t);
        return new Cols(image, cls, x, y, geometry);
    }

    DataTableSpec outSpec() throws InvalidSettingsException {
        return new DataTableSpec(
            PatchColumn.spec(Columns.PATCH, m_settings.task(), m_settings.recipe(), m_settings.channels()),
            Tables.stringCol(Columns.CLASS), Tables.stringCol(Columns.IMAGE), Tables.doubleCol(Columns.X),
            Tables.doubleCol(Columns.Y), Tables.stringCol(Columns.PARTITION));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        columns((DataTableSpec)inSpecs[0]);
        return new PortObjectSpec[] {outSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable in = (BufferedDataTable)inObjects[0];
        Cols c = columns(in.getDataTableSpec());
        Task task = m_settings.task();
        Map<Path, String> locations = new LinkedHashMap<>();
        List<AnnotatedImage> images = images(in, c, task, locations);
        PatchRecipe recipe = m_settings.recipe();
        long seed = m_settings.m_seed.getIntValue();
        ImageSplit split = ImageSplit.of(images, m_settings.m_testFraction.getDoubleValue(), seed);
        PatchSampler sampler = new PatchSampler(recipe, task.classes(), m_settings.channels());
        Random random = new Random(seed);
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        long[] row = {0};
        int done = 0;
        List<List<AnnotatedImage>> parts = List.of(split.train(), split.test());
        for (int k = 0; k < parts.size(); k++) {
            String partition = k == 0 ? Columns.TRAIN : Columns.TEST;
            for (AnnotatedImage a : parts.get(k)) {
                exec.checkCanceled();
                for (Patch p : sampler.sample(a, ImageFiles.readRgb(a.image()), random)) {
                    out.addRowToTable(new DefaultRow(RowKey.createRowKey(row[0]++), Images.patchCell(p),
                        new StringCell(task.classes().get(p.label())), new StringCell(locations.get(a.image())),
                        new DoubleCell(p.x()), new DoubleCell(p.y()), new StringCell(partition)));
                }
                done++;
                exec.setProgress(done / (double)images.size(), "cut patches from " + a.image().getFileName());
            }
        }
        out.close();
        if (split.test().isEmpty()) {
            setWarningMessage("No test images (" + images.size() + " image(s), test fraction "
                + m_settings.m_testFraction.getDoubleValue() + "): all patches are in the training partition");
        }
        return new PortObject[] {out.getTable()};
    }

    /**
     * Groups the points by image; the geometry comes from the image's first row that has one. Image locations
     * (paths or knime:// URLs) are resolved to local files; {@code locations} maps each file back to the location as
     * the table gave it, so the patch table hands on the same, portable, form.
     */
    private List<AnnotatedImage> images(final BufferedDataTable in, final Cols c, final Task task,
        final Map<Path, String> locations) {
        Map<String, List<Feature>> features = new LinkedHashMap<>();
        Map<String, List<List<Point>>> structures = new LinkedHashMap<>();
        Set<String> ignored = new TreeSet<>();
        try (CloseableRowIterator it = in.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                String image = Tables.string(r, c.image(), "image path");
                String cls = Tables.string(r, c.cls(), "class");
                double x = Tables.number(r, c.x(), "x coordinate");
                double y = Tables.number(r, c.y(), "y coordinate");
                if (!task.featureClassList().contains(cls)) {
                    ignored.add(cls);
                }
                if (!features.containsKey(image)) {
                    locations.put(Locations.cell(image, r.getKey().toString()), image);
                }
                features.computeIfAbsent(image, k -> new ArrayList<>()).add(new Feature(cls, x, y));
                if (c.geometry() >= 0 && !structures.containsKey(image) && !r.getCell(c.geometry()).isMissing()) {
                    try {
                        structures.put(image, Geometry.parse(Tables.string(r, c.geometry(), "root geometry")));
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("row '" + r.getKey() + "': bad root geometry: " + e.getMessage());
                    }
                }
            }
        }
        if (features.isEmpty()) {
            throw new BadInputException("the points table is empty: there is nothing to cut patches around");
        }
        if (!ignored.isEmpty()) {
            setWarningMessage("Points of classes " + ignored + " were ignored; the " + task.id() + " task learns "
                + task.featureClassList());
        }
        List<AnnotatedImage> images = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        locations.forEach((file, location) -> files.put(location, file));
        features.forEach((image, f) -> images.add(new AnnotatedImage(files.get(image), files.get(image), f,
            structures.getOrDefault(image, List.of()))));
        images.sort(Comparator.comparing((AnnotatedImage a) -> a.image().getFileName().toString())
            .thenComparing(a -> a.image().toString()));
        return images;
    }
}
