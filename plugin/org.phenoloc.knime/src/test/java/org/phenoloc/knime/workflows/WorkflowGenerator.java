package org.phenoloc.knime.workflows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandIn;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.ShootConfig;
import org.phenoloc.engine.synthetic.ShootGenerator;
import org.phenoloc.knime.Fixtures;

/**
 * Writes the shipped workflows (workflows/ in the repository): four KNIME 5.x workflow folders with small synthetic
 * sample data inside (engine generators) and, for the localise workflows, a tiny model trained by running the matching
 * train workflow. Node settings are what the node models themselves save, so they always match the nodes.
 * Run: {@code dev/generate-workflows.sh} (rewrites workflows/ completely).
 */
public final class WorkflowGenerator {
    public static final String ROOTS_TRAIN = "Roots - train and evaluate";
    public static final String ROOTS_LOCALISE = "Roots - localise a folder";
    public static final String SHOOTS_TRAIN = "Shoots - train and evaluate";
    public static final String SHOOTS_LOCALISE = "Shoots - localise a folder";
    public static final List<String> ALL = List.of(ROOTS_TRAIN, ROOTS_LOCALISE, SHOOTS_TRAIN, SHOOTS_LOCALISE);
    static final String IMAGES = "knime://knime.workflow/data/images";
    static final String OUTPUT = "knime://knime.workflow/output";

    private static final String PKG = "org.phenoloc.knime.nodes.";
    private static final String READER = PKG + "reader.AnnotationReaderNodeFactory";
    private static final String DENSE_LEARNER = PKG + "dense.DenseLearnerNodeFactory";
    /** The engine's training defaults (the same for both tasks apart from width and image scale, set to 0 = task's). */
    private static final org.phenoloc.engine.training.TrainingJob.Settings D =
        org.phenoloc.engine.training.TrainingJob.Settings.defaults(org.phenoloc.engine.Task.ROOTS);
    private static final String LOCALISER = PKG + "localiser.LocaliserNodeFactory";
    private static final String SCORER = PKG + "scorer.ScorerNodeFactory";
    private static final String LISTER = PKG + "io.ImageListerNodeFactory";
    private static final String MODEL_WRITER = PKG + "io.ModelWriterNodeFactory";
    private static final String MODEL_READER = PKG + "io.ModelReaderNodeFactory";
    private static final String RESULTS_WRITER = PKG + "io.ResultsWriterNodeFactory";

    private WorkflowGenerator() {
    }

    public static void main(final String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "workflows").toAbsolutePath();
        for (String name : ALL) {
            deleteTree(root.resolve(name));
        }
        RootSystemGenerator.writeDataset(Files.createDirectories(root.resolve(ROOTS_TRAIN).resolve("data/images")), 3,
            new RootSystemConfig(192, 256, 2, 2, 0.3, 0.3, 7));
        RootSystemGenerator.writeDataset(Files.createDirectories(root.resolve(ROOTS_LOCALISE).resolve("data/images")),
            2, new RootSystemConfig(192, 256, 2, 2, 0.3, 0.3, 70));
        ShootGenerator.writeDataset(Files.createDirectories(root.resolve(SHOOTS_TRAIN).resolve("data/images")), 3,
            new ShootConfig(256, 256, 2, 3, 0.5, 0.3, 0.2, 11));
        ShootGenerator.writeDataset(Files.createDirectories(root.resolve(SHOOTS_LOCALISE).resolve("data/images")), 2,
            new ShootConfig(256, 256, 2, 3, 0.5, 0.3, 0.2, 110));
        train("roots", 0.34).write(root.resolve(ROOTS_TRAIN));
        train("shoots", 0.34).write(root.resolve(SHOOTS_TRAIN));
        localise("roots").write(root.resolve(ROOTS_LOCALISE));
        localise("shoots").write(root.resolve(SHOOTS_LOCALISE));
        // the localise workflows ship a tiny model: the train workflow's, written by its Model Writer
        for (String[] pair : new String[][] {{ROOTS_TRAIN, ROOTS_LOCALISE, "roots"}, {SHOOTS_TRAIN, SHOOTS_LOCALISE,
            "shoots"}}) {
            Path model = root.resolve(pair[1]).resolve("data").resolve(pair[2] + ".phenoloc");
            Path out = Files.createTempDirectory("phenoloc-workflow");
            WorkflowRunner.run(root.resolve(pair[0]), Map.of("model_file", model.toString(), "output_folder",
                out.toString()));
            deleteTree(out);
        }
    }

    /**
     * Reader -> Dense CNN Learner (the default training of {@code phenoloc train}) -> Model Writer, Localiser ->
     * Scorer and Results Writer. The sample trains for seconds; the annotation says which settings to restore.
     */
    static Workflow train(final String task, final double testFraction) throws Exception {
        Workflow w = new Workflow(task.equals("roots") ? ROOTS_TRAIN : SHOOTS_TRAIN);
        variables(w, IMAGES, "knime://knime.workflow/output/" + task + ".phenoloc");
        w.nodes.add(node(1, READER, "Annotation Reader", "1. Read the annotated " + task + " images of input_folder",
            60, 200, Map.of("folder", IMAGES, "task", task), Map.of("folder", "input_folder")));
        w.nodes.add(node(2, DENSE_LEARNER, "Dense CNN Learner", "2. Train the " + task + " network densely, "
            + "calibrated on the held-out third of the images (sample: 2 epochs of 16 crops, width 0.25, no mining; "
            + "for real data reset Width scale to 0, Epochs to " + D.training().epochs() + ", Crops per epoch to "
            + D.dense().cropsPerEpoch() + ", Windows per crop side to " + D.dense().cells()
            + " and Hard-negative mining rounds to " + D.dense().miningRounds() + ": the defaults)", 260, 200, Map.of("task", task, "width_scale", 0.25, "epochs", 2,
                "crops_per_epoch", 16, "cells", 8, "mining_rounds", 0, "test_fraction", testFraction), Map.of()));
        w.nodes.add(node(3, MODEL_WRITER, "Model Writer (Phenoloc)", "3. Save the model to model_file (usable by "
            + "phenoloc localise)", 460, 60, Map.of("model_file", w.variables.get("model_file")),
            Map.of("model_file", "model_file")));
        w.nodes.add(node(4, LOCALISER, "Sliding-Window Localiser", "4. Find and count the features in every image "
            + "at the calibrated thresholds", 460, 300, Map.of(), Map.of()));
        w.nodes.add(node(5, SCORER, "Localisation Scorer", "5. Precision, recall and F1 against the annotations",
            660, 230, Map.of(), Map.of()));
        w.nodes.add(node(6, RESULTS_WRITER, "Results Writer (Phenoloc)", "6. detections.csv, counts.csv and overlays"
            + " to output_folder", 660, 380, Map.of("output_folder", OUTPUT), Map.of("output_folder", "output_folder")));
        connect(w, 1, 1, 2, 1);
        connect(w, 2, 1, 3, 1);
        connect(w, 2, 1, 4, 1);
        connect(w, 1, 1, 4, 2);
        connect(w, 4, 1, 5, 1);
        connect(w, 1, 1, 5, 2);
        connect(w, 2, 1, 5, 3);
        connect(w, 4, 1, 6, 1);
        connect(w, 4, 2, 6, 2);
        return w;
    }

    /** Model Reader + Image Lister -> Localiser -> Results Writer; ground truth: Annotation Reader -> Scorer. */
    static Workflow localise(final String task) throws Exception {
        Workflow w = new Workflow(task.equals("roots") ? ROOTS_LOCALISE : SHOOTS_LOCALISE);
        variables(w, IMAGES, "knime://knime.workflow/data/" + task + ".phenoloc");
        w.nodes.add(node(1, MODEL_READER, "Model Reader (Phenoloc)", "1. Read the model of model_file (sample: a "
            + "tiny " + task + " model)", 60, 60, Map.of("model_file", w.variables.get("model_file")),
            Map.of("model_file", "model_file")));
        w.nodes.add(node(2, LISTER, "Image Lister", "2. List the images of input_folder", 60, 220,
            Map.of("folder", IMAGES), Map.of("folder", "input_folder")));
        w.nodes.add(node(3, LOCALISER, "Sliding-Window Localiser", "3. Find and count the features in every image",
            260, 140, Map.of(), Map.of()));
        w.nodes.add(node(4, RESULTS_WRITER, "Results Writer (Phenoloc)", "4. detections.csv, counts.csv and "
            + "overlays to output_folder", 460, 60, Map.of("output_folder", OUTPUT),
            Map.of("output_folder", "output_folder")));
        w.nodes.add(node(5, READER, "Annotation Reader", "5. Ground truth, where the folder has annotations (delete "
            + "5 and 6 otherwise)", 260, 320, Map.of("folder", IMAGES, "task", task), Map.of("folder",
                "input_folder")));
        w.nodes.add(node(6, SCORER, "Localisation Scorer", "6. Precision, recall and F1 against the annotations",
            460, 240, Map.of(), Map.of()));
        connect(w, 1, 1, 3, 1);
        connect(w, 2, 1, 3, 2);
        connect(w, 3, 1, 4, 1);
        connect(w, 3, 2, 4, 2);
        connect(w, 3, 1, 6, 1);
        connect(w, 5, 1, 6, 2);
        connect(w, 1, 1, 6, 3);
        return w;
    }

    private static void variables(final Workflow w, final String input, final String model) {
        w.variables.put("input_folder", input);
        w.variables.put("output_folder", OUTPUT);
        w.variables.put("model_file", model);
    }

    private static void connect(final Workflow w, final int src, final int srcPort, final int dst, final int dstPort) {
        w.connections.add(new Workflow.Connection(src, srcPort, dst, dstPort));
    }

    /** A node whose model settings are the node model's own defaults with {@code set} applied (and validated). */
    private static Workflow.Node node(final int id, final String factory, final String name, final String annotation,
        final int x, final int y, final Map<String, Object> set, final Map<String, String> variables)
        throws Exception {
        NodeModel m = WorkflowRunner.create(new Workflow.Node(id, factory, name, null, null, Map.of(), x, y));
        NodeSettings s = StandIn.saveSettings(m);
        for (Map.Entry<String, Object> e : new LinkedHashMap<>(set).entrySet()) {
            if (!s.containsKey(e.getKey())) {
                throw new IllegalArgumentException(name + " has no setting '" + e.getKey() + "'");
            }
            Fixtures.put(s, e.getKey(), e.getValue());
        }
        StandIn.loadSettings(m, s);
        return new Workflow.Node(id, factory, name, annotation, XmlConfig.of("model", StandIn.saveSettings(m)),
            variables, x, y);
    }

    static void deleteTree(final Path p) throws Exception {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
