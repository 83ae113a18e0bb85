package org.phenoloc.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandIn;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.knime.Fixtures;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shipped workflows (workflows/ in the repository): they parse as KNIME 5.x workflows, use only nodes we register
 * (or KNIME nodes listed in releng/knime-factories.txt), their settings pass the node models' validation, their
 * connections fit the port types, and each runs on its bundled sample with knime:// URLs resolved against its folder.
 */
class WorkflowsTest {
    static final Path BUNDLE = Path.of("").toAbsolutePath();
    static final Path ROOT = BUNDLE.resolve("../../workflows").normalize();
    static final Path OUT = BUNDLE.resolve("target/workflow-runs");

    static Workflow read(final String name) throws Exception {
        return Workflow.read(ROOT.resolve(name));
    }

    @Test
    void theFourWorkflowsParseWithNamesAnnotationsVariablesAndALeftToRightLayout() throws Exception {
        for (String name : WorkflowGenerator.ALL) {
            Path dir = ROOT.resolve(name);
            assertTrue(Files.isRegularFile(dir.resolve("workflow.knime")), name);
            XmlConfig wf = XmlConfig.read(dir.resolve("workflow.knime"));
            assertEquals("5.1.0", wf.getString("version"), name + ": without 'version' KNIME takes its pre-2.0 loader");
            assertTrue(wf.getString("created_by").startsWith("5."), name);
            Workflow w = read(name);
            assertEquals(List.of("input_folder", "output_folder", "model_file"), List.copyOf(w.variables.keySet()));
            w.variables.values().forEach(v -> assertTrue(v.startsWith("knime://knime.workflow/"), name + ": " + v));
            assertTrue(w.nodes.size() >= 6, name);
            for (Workflow.Node n : w.nodes) {
                assertTrue(Files.isRegularFile(dir.resolve(n.folder()).resolve("settings.xml")), n.folder());
                assertFalse(n.name().isBlank(), n.folder());
                assertTrue(n.annotation() != null && n.annotation().length() > 10, n.folder() + " has no annotation");
            }
            for (Workflow.Connection c : w.connections) {
                assertTrue(w.node(c.source()).x() < w.node(c.dest()).x(), name + ": " + c + " runs right to left");
            }
            Set<String> bound = new HashSet<>();
            w.nodes.forEach(n -> bound.addAll(n.variables().values()));
            assertEquals(w.variables.keySet(), bound, name + ": every workflow variable drives a setting");
        }
    }

    @Test
    void everyNodeIsOneOfOursOrAListedKnimeNode() throws Exception {
        Set<String> known = new HashSet<>(ourFactories());
        for (String line : Files.readAllLines(BUNDLE.resolve("../../releng/knime-factories.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                known.add(line.trim());
            }
        }
        for (String name : WorkflowGenerator.ALL) {
            for (Workflow.Node n : read(name).nodes) {
                assertTrue(known.contains(n.factory()), name + ", " + n.folder() + ": " + n.factory()
                    + " is neither in plugin.xml nor in releng/knime-factories.txt");
            }
        }
    }

    static List<String> ourFactories() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        NodeList nodes = f.newDocumentBuilder().parse(BUNDLE.resolve("plugin.xml").toFile()).getElementsByTagName("node");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element)nodes.item(i)).getAttribute("factory-class"));
        }
        return out;
    }

    @Test
    void everyNodesSettingsPassItsModelsValidationAndLoad() throws Exception {
        for (String name : WorkflowGenerator.ALL) {
            Workflow w = read(name);
            StandIn.setWorkflowContext(ROOT.resolve(name), ROOT);
            try {
                for (Workflow.Node n : w.nodes) {
                    NodeModel m = WorkflowRunner.create(n);
                    NodeSettings s = n.model().toNodeSettings();
                    StandIn.loadSettings(m, s);
                    assertEquals(StandIn.saveSettings(m).keySet(), s.keySet(), name + ", " + n.folder()
                        + ": settings.xml holds other keys than the node model saves");
                    StandIn.loadSettings(m, WorkflowRunner.settings(w, n, w.variables));
                }
            } finally {
                StandIn.setWorkflowContext(null, null);
            }
        }
    }

    @Test
    void connectionsJoinCompatiblePortsAndEveryRequiredInputIsConnected() throws Exception {
        for (String name : WorkflowGenerator.ALL) {
            Workflow w = read(name);
            for (Workflow.Node n : w.nodes) {
                NodeModel m = WorkflowRunner.create(n);
                for (int p = 0; p < StandIn.nrInPorts(m); p++) {
                    int port = p + 1;
                    long feeds = w.connections.stream().filter(c -> c.dest() == n.id() && c.destPort() == port).count();
                    assertTrue(feeds <= 1, name + ", " + n.folder() + ": port " + port + " fed twice");
                    assertTrue(feeds == 1 || StandIn.inPortType(m, p).isOptional(),
                        name + ", " + n.folder() + ": required input " + port + " is not connected");
                }
            }
            for (Workflow.Connection c : w.connections) {
                NodeModel src = WorkflowRunner.create(w.node(c.source()));
                NodeModel dst = WorkflowRunner.create(w.node(c.dest()));
                assertTrue(c.sourcePort() >= 1 && c.sourcePort() <= StandIn.nrOutPorts(src), name + ": " + c);
                assertTrue(c.destPort() >= 1 && c.destPort() <= StandIn.nrInPorts(dst), name + ": " + c);
                PortType out = StandIn.outPortType(src, c.sourcePort() - 1);
                PortType in = StandIn.inPortType(dst, c.destPort() - 1);
                assertTrue(in.getPortObjectClass().isAssignableFrom(out.getPortObjectClass()),
                    name + ": " + c + " joins " + out + " to " + in);
            }
        }
    }

    @Test
    void theWorkflowsStayUnderThreeMegabytes() throws Exception {
        long bytes;
        try (Stream<Path> s = Files.walk(ROOT)) {
            bytes = s.filter(Files::isRegularFile).filter(p -> !ROOT.relativize(p).startsWith("target"))
                .mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes < 3_000_000, bytes + " bytes");
    }

    /** Runs a workflow with output_folder (and for training model_file) redirected into target/, as batch mode would. */
    static Map<Integer, PortObject[]> run(final String name, final boolean train) throws Exception {
        Path out = Files.createDirectories(OUT.resolve(name.replace(' ', '_')));
        WorkflowGenerator.deleteTree(out);
        return WorkflowRunner.run(ROOT.resolve(name), train
            ? Map.of("output_folder", out.resolve("results").toString(), "model_file",
                out.resolve("model.phenoloc").toString())
            : Map.of("output_folder", out.resolve("results").toString()));
    }

    static BufferedDataTable table(final Map<Integer, PortObject[]> outputs, final int node, final int port) {
        return (BufferedDataTable)outputs.get(node)[port];
    }

    static void checkResults(final String name, final BufferedDataTable perImage) throws Exception {
        Path results = OUT.resolve(name.replace(' ', '_')).resolve("results");
        assertTrue(Files.readString(results.resolve("detections.csv")).startsWith("image,class,x,y,score\n"));
        List<String> counts = Files.readAllLines(results.resolve("counts.csv"));
        assertEquals("image,class,count", counts.get(0));
        for (DataRow r : Fixtures.rows(perImage)) {
            String image = ((StringValue)r.getCell(0)).getStringValue();
            assertTrue(image.startsWith("knime://knime.workflow/data/images/"), "portable image location: " + image);
            String stem = image.substring(image.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
            assertTrue(Files.size(results.resolve(stem + "_overlay.png")) > 0, stem);
            assertTrue(counts.stream().anyMatch(l -> l.startsWith(stem + ".")), stem + " in counts.csv");
        }
    }

    @Test
    void rootsTrainAndEvaluateRunsOnItsSample() throws Exception {
        trainAndEvaluate(WorkflowGenerator.ROOTS_TRAIN, List.of("root_tip"));
    }

    @Test
    void shootsTrainAndEvaluateRunsOnItsSample() throws Exception {
        trainAndEvaluate(WorkflowGenerator.SHOOTS_TRAIN, List.of("leaf_tip", "leaf_base"));
    }

    private static void trainAndEvaluate(final String name, final List<String> classes) throws Exception {
        Map<Integer, PortObject[]> o = run(name, true);
        BufferedDataTable points = table(o, 1, 0);
        assertTrue(points.size() > 5, name + ": " + points.size() + " points");
        Set<String> pointClasses = new HashSet<>();
        Fixtures.rows(points).forEach(r -> pointClasses.add(((StringValue)r.getCell(2)).getStringValue()));
        assertTrue(pointClasses.containsAll(classes), name + ": classes read " + pointClasses);
        assertEquals(2, table(o, 2, 1).size(), name + ": the training history has the sample's two epochs");
        Path model = OUT.resolve(name.replace(' ', '_')).resolve("model.phenoloc");
        var meta = ModelFiles.load(model).metadata();
        assertEquals(name.startsWith("Roots") ? "roots" : "shoots", meta.task());
        assertEquals("dense", meta.training().method(), name + ": the default training, as phenoloc train");
        assertEquals(1, meta.training().testImages().size(), name + ": a third of the three images held out");
        assertTrue(table(o, 5, 0).size() >= 1, name + ": scorer summary");
        checkResults(name, table(o, 4, 1));
        assertEquals(3, table(o, 4, 1).size(), name + ": the localiser scans the three sample images once each");
    }

    @Test
    void rootsLocaliseRunsOnItsSampleWithItsModel() throws Exception {
        localise(WorkflowGenerator.ROOTS_LOCALISE);
    }

    @Test
    void shootsLocaliseRunsOnItsSampleWithItsModel() throws Exception {
        localise(WorkflowGenerator.SHOOTS_LOCALISE);
    }

    private static void localise(final String name) throws Exception {
        Map<Integer, PortObject[]> o = run(name, false);
        BufferedDataTable images = table(o, 2, 0);
        assertEquals(2, images.size(), name + ": two sample images");
        BufferedDataTable perImage = table(o, 3, 1);
        assertEquals(2, perImage.size());
        checkResults(name, perImage);
        assertNotNull(table(o, 6, 0));
        assertTrue(table(o, 6, 0).size() >= 1, name + ": scorer summary");
        assertTrue(table(o, 4, 0).size() >= 4, name + ": files written");
    }

    /** README: every -workflow.variable=NAME,... in a batch command names a variable of the workflow it runs. */
    @Test
    void everyWorkflowVariableInTheReadmeExistsInItsWorkflow() throws Exception {
        String readme = Files.readString(BUNDLE.resolve("../../README.md"));
        Pattern command = Pattern.compile("KNIME_BATCH_APPLICATION(?:\\\\\\n|[^\\n])*");
        Pattern workflow = Pattern.compile("-workflow(?:Dir|File)=(?:\"([^\"]+)\"|(\\S+))");
        Pattern variable = Pattern.compile("-workflow\\.variable=([A-Za-z_]+),");
        Matcher m = command.matcher(readme);
        Set<String> commands = new java.util.TreeSet<>();
        while (m.find()) {
            String cmd = m.group();
            Matcher wm = workflow.matcher(cmd);
            assertTrue(wm.find(), "no -workflowDir/-workflowFile in: " + cmd);
            String path = wm.group(1) != null ? wm.group(1) : wm.group(2);
            String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.knwf$", "");
            assertTrue(WorkflowGenerator.ALL.contains(name), "README names an unknown workflow '" + name + "'");
            Set<String> vars = read(name).variables.keySet();
            Matcher vm = variable.matcher(cmd);
            int n = 0;
            while (vm.find()) {
                assertTrue(vars.contains(vm.group(1)), name + " has no variable " + vm.group(1));
                n++;
            }
            assertTrue(n >= 1, "no -workflow.variable in: " + cmd);
            commands.add(name);
        }
        assertEquals(new java.util.TreeSet<>(WorkflowGenerator.ALL), commands, "a batch command for every workflow in the README");
    }
}
