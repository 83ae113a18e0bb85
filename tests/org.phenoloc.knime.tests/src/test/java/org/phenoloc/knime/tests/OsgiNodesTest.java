package org.phenoloc.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleReference;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Boots a real Equinox on the bundles the p2 director installed (ours, the linux-x86_64 fragment and the
 * org.knime.core stand-in), loads every node factory named in plugin.xml through the node bundle, and runs
 * Reader -> Cropper -> Learner (1 epoch, tiny net) -> Localiser -> Scorer (with pixel accuracy) inside the framework, DL4J and natives included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OsgiNodesTest {
    private static Framework s_framework;
    private static final Map<String, Bundle> BUNDLES = new HashMap<>();

    @BeforeAll
    static void boot() throws Exception {
        Path work = Path.of(System.getProperty("phenoloc.work.dir", "target/osgi-work")).toAbsolutePath();
        Files.createDirectories(work);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // as in KNIME/Eclipse (EclipseStarter's default): JRE packages such as javax.imageio reach every bundle
        config.put("osgi.compatibility.bootdelegation", "true");
        s_framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        s_framework.start();
        BundleContext ctx = s_framework.getBundleContext();
        for (Path jar : InstalledSiteTest.installedPlugins()) {
            // the libs bundle is installed as a folder (Eclipse-BundleShape: dir): Equinox takes it by reference
            Bundle b = ctx.installBundle(Files.isDirectory(jar) ? "reference:" + jar.toUri() : jar.toUri().toString());
            BUNDLES.put(b.getSymbolicName(), b);
        }
        for (Bundle b : BUNDLES.values()) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (s_framework != null) {
            s_framework.stop();
            s_framework.waitForStop(10000);
        }
    }

    @Test
    void bundlesResolveAndTheFragmentAttaches() {
        for (String id : List.of("org.knime.core", "org.phenoloc.libs", "org.phenoloc.engine", "org.phenoloc.knime")) {
            assertEquals(Bundle.ACTIVE, BUNDLES.get(id).getState(), id);
        }
        assertEquals(Bundle.RESOLVED, BUNDLES.get("org.phenoloc.libs.linux.x86_64").getState());
    }

    private static List<String> factoryClasses() throws Exception {
        try (InputStream in = BUNDLES.get("org.phenoloc.knime").getEntry("plugin.xml").openStream()) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                .getElementsByTagName("node");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(((Element)nodes.item(i)).getAttribute("factory-class"));
            }
            return out;
        }
    }

    @Test
    void everyFactoryInPluginXmlLoadsThroughTheBundle() throws Exception {
        List<String> factories = factoryClasses();
        assertEquals(11, factories.size());
        assertTrue(factories.contains("org.phenoloc.knime.nodes.dense.DenseLearnerNodeFactory"), factories.toString());
        Bundle nodes = BUNDLES.get("org.phenoloc.knime");
        for (String name : factories) {
            Class<?> c = nodes.loadClass(name);
            Object factory = c.getConstructor().newInstance();
            Object model = c.getMethod("createNodeModel").invoke(factory);
            assertNotNull(model, name);
            assertEquals(nodes, ((BundleReference)model.getClass().getClassLoader()).getBundle());
            assertNotNull(nodes.getEntry(name.replace('.', '/') + ".xml"), name + " description");
        }
    }

    // --- driving nodes reflectively through the stand-in's StandIn helper (the framework's view of a node) ---

    private static Object standIn(String method, Object... args) throws Exception {
        Class<?> standIn = BUNDLES.get("org.knime.core").loadClass("org.knime.core.node.StandIn");
        Method m = (Method)standIn.getMethod("method", String.class).invoke(null, method);
        return m.invoke(null, args);
    }

    private static Object node(String factory) throws Exception {
        Class<?> c = BUNDLES.get("org.phenoloc.knime").loadClass(factory);
        return c.getMethod("createNodeModel").invoke(c.getConstructor().newInstance());
    }

    private static void set(Object model, String key, Object value) throws Exception {
        Object settings = standIn("saveSettings", model);
        Class<?> type = value instanceof Integer ? int.class : value instanceof Double ? double.class : String.class;
        String adder = value instanceof Integer ? "addInt" : value instanceof Double ? "addDouble" : "addString";
        settings.getClass().getMethod(adder, String.class, type).invoke(settings, key, value);
        Class<?> ro = BUNDLES.get("org.knime.core").loadClass("org.knime.core.node.NodeSettingsRO");
        Method load = (Method)BUNDLES.get("org.knime.core").loadClass("org.knime.core.node.StandIn")
            .getMethod("method", String.class).invoke(null, "loadSettings");
        assertEquals(ro, load.getParameterTypes()[1]);
        load.invoke(null, model, settings);
    }

    private static Object[] run(Object model, Object... in) throws Exception {
        Bundle core = BUNDLES.get("org.knime.core");
        Class<?> portObject = core.loadClass("org.knime.core.node.port.PortObject");
        Class<?> spec = core.loadClass("org.knime.core.node.port.PortObjectSpec");
        Object ins = java.lang.reflect.Array.newInstance(portObject, in.length);
        Object specs = java.lang.reflect.Array.newInstance(spec, in.length);
        for (int i = 0; i < in.length; i++) {
            java.lang.reflect.Array.set(ins, i, in[i]);
            java.lang.reflect.Array.set(specs, i, in[i] == null ? null : portObject.getMethod("getSpec").invoke(in[i]));
        }
        standIn("configure", model, specs);
        Object exec = core.loadClass("org.knime.core.node.ExecutionContext").getConstructor().newInstance();
        return (Object[])standIn("execute", model, exec, ins);
    }

    private static long size(Object table) throws Exception {
        return (Long)table.getClass().getMethod("size").invoke(table);
    }

    @Test
    void rootWorkflowRunsInsideTheFramework() throws Exception {
        Bundle engine = BUNDLES.get("org.phenoloc.engine");
        Path data = Path.of(System.getProperty("phenoloc.work.dir", "target/osgi-work")).resolve("roots")
            .toAbsolutePath();
        Files.createDirectories(data);
        Class<?> cfg = engine.loadClass("org.phenoloc.engine.synthetic.RootSystemConfig");
        Object config = cfg.getConstructors()[0].newInstance(160, 200, 2, 2.0, 0.2, 0.2, 11L);
        engine.loadClass("org.phenoloc.engine.synthetic.RootSystemGenerator")
            .getMethod("writeDataset", Path.class, int.class, cfg).invoke(null, data, 2, config);

        Object reader = node("org.phenoloc.knime.nodes.reader.AnnotationReaderNodeFactory");
        set(reader, "folder", data.toString());
        Object points = run(reader)[0];
        assertTrue(size(points) > 0);

        Object patches = run(node("org.phenoloc.knime.nodes.cropper.PatchCropperNodeFactory"), points)[0];
        assertTrue(size(patches) > size(points));

        Object learner = node("org.phenoloc.knime.nodes.learner.CnnLearnerNodeFactory");
        set(learner, "architecture", "custom");
        set(learner, "width_scale", 0.125);
        set(learner, "epochs", 1);
        set(learner, "batch_size", 16);
        Object[] learned = run(learner, patches, null);
        Object model = learned[0];
        assertEquals(1L, size(learned[1]), "one epoch of history");
        Object network = model.getClass().getMethod("getModel").invoke(model);
        Object net = network.getClass().getMethod("network").invoke(network);
        assertEquals("org.phenoloc.libs", ((BundleReference)net.getClass().getClassLoader()).getBundle()
            .getSymbolicName(), "DL4J is loaded from the libs bundle");

        Object localiser = node("org.phenoloc.knime.nodes.localiser.LocaliserNodeFactory");
        set(localiser, "thresholds", "0.5");
        Object[] found = run(localiser, model, points);
        assertEquals(2L, size(found[1]), "one row per image");

        Object[] scored = run(node("org.phenoloc.knime.nodes.scorer.ScorerNodeFactory"), found[0], points, model);
        assertEquals(1L, size(scored[0]), "one summary row (root_tip)");
        assertEquals(2L, size(scored[1]), "one row per image");
    }

    // --- a shipped workflow, loaded from its files, run on a thread whose context class loader sees nothing ---

    /** settings.xml "model" entries -> the stand-in's NodeSettings (inside the framework), variables applied. */
    private static Object settings(Path file, Map<String, String> variables) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        Map<String, String> bound = new HashMap<>();
        Object s = BUNDLES.get("org.knime.core").loadClass("org.knime.core.node.NodeSettings")
            .getConstructor(String.class).newInstance("model");
        for (Element c : children(root, "config")) {
            if (c.getAttribute("key").equals("variables")) {
                for (Element tree : children(c, "config")) {
                    for (Element v : children(tree, "config")) {
                        for (Element e : children(v, "entry")) {
                            if (e.getAttribute("key").equals("used_variable")) {
                                bound.put(v.getAttribute("key"), variables.get(e.getAttribute("value")));
                            }
                        }
                    }
                }
            }
        }
        for (Element c : children(root, "config")) {
            if (!c.getAttribute("key").equals("model")) {
                continue;
            }
            for (Element e : children(c, "entry")) {
                String k = e.getAttribute("key");
                String v = bound.getOrDefault(k, e.getAttribute("value"));
                switch (e.getAttribute("type")) {
                    case "xint" -> s.getClass().getMethod("addInt", String.class, int.class).invoke(s, k,
                        Integer.parseInt(v));
                    case "xdouble" -> s.getClass().getMethod("addDouble", String.class, double.class).invoke(s, k,
                        Double.parseDouble(v));
                    case "xboolean" -> s.getClass().getMethod("addBoolean", String.class, boolean.class).invoke(s, k,
                        Boolean.parseBoolean(v));
                    default -> s.getClass().getMethod("addString", String.class, String.class).invoke(s, k, v);
                }
            }
        }
        return s;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * First test (ND4J's backend is found once per JVM): the shipped "Roots - localise a folder" workflow, every node
     * created from the factory and settings in its settings.xml and wired as workflow.knime says, run on a thread
     * whose context class loader sees no ND4J (as a KNIME worker thread's may not); the engine's Backend anchors ND4J's
     * class loading to the libs bundle.
     */
    @Test
    @Order(1)
    void aShippedWorkflowRunsFromItsSettingsFilesWithAForeignContextClassLoader() throws Throwable {
        Path dir = InstalledSiteTest.ROOT.resolve("workflows/Roots - localise a folder");
        Path out = Path.of(System.getProperty("phenoloc.work.dir", "target/osgi-work")).resolve("localise-out")
            .toAbsolutePath();
        Map<String, String> variables = Map.of("input_folder", "knime://knime.workflow/data/images", "output_folder",
            out.toString(), "model_file", "knime://knime.workflow/data/roots.phenoloc");
        standIn("setWorkflowContext", dir, dir.getParent());
        Map<String, Object[]> outputs = new HashMap<>();
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                var f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                Element wf = f.newDocumentBuilder().parse(dir.resolve("workflow.knime").toFile()).getDocumentElement();
                Map<String, String> files = new java.util.TreeMap<>();
                List<int[]> connections = new ArrayList<>();
                for (Element c : children(wf, "config")) {
                    for (Element item : children(c, "config")) {
                        Map<String, String> e = entries(item);
                        if (c.getAttribute("key").equals("nodes")) {
                            files.put(String.format("%04d", Integer.parseInt(e.get("id"))), e.get("node_settings_file"));
                        } else if (c.getAttribute("key").equals("connections")) {
                            connections.add(new int[] {Integer.parseInt(e.get("sourceID")),
                                Integer.parseInt(e.get("sourcePort")), Integer.parseInt(e.get("destID")),
                                Integer.parseInt(e.get("destPort"))});
                        }
                    }
                }
                for (Map.Entry<String, String> n : files.entrySet()) { // by id: the shipped ids run sources first
                    int id = Integer.parseInt(n.getKey());
                    Path file = dir.resolve(n.getValue());
                    Object model = node(factoryOf(file));
                    standIn("loadSettings", model, settings(file, variables));
                    Object[] in = new Object[(Integer)standIn("nrInPorts", model)];
                    for (int[] c : connections) {
                        if (c[2] == id) {
                            assertTrue(c[0] < id, "connection from a later node " + c[0] + " -> " + id);
                            in[c[3] - 1] = outputs.get(String.valueOf(c[0]))[c[1] - 1];
                        }
                    }
                    outputs.put(String.valueOf(id), run(model, in));
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], null));
        worker.start();
        worker.join();
        standIn("setWorkflowContext", null, null);
        if (failure[0] != null) {
            throw failure[0];
        }
        assertEquals(6, outputs.size(), "all six nodes ran");
        assertEquals(2L, size(outputs.get("3")[1]), "one row per sample image");
        assertEquals(1L, size(outputs.get("6")[0]), "scorer: one summary row (root_tip)");
        assertTrue(Files.readString(out.resolve("detections.csv")).startsWith("image,class,x,y,score"));
        assertTrue(Files.exists(out.resolve("counts.csv")));
    }

    private static Map<String, String> entries(Element config) {
        Map<String, String> out = new HashMap<>();
        for (Element e : children(config, "entry")) {
            out.put(e.getAttribute("key"), e.getAttribute("value"));
        }
        return out;
    }

    private static String factoryOf(Path settingsXml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        for (Element e : children(f.newDocumentBuilder().parse(settingsXml.toFile()).getDocumentElement(), "entry")) {
            if (e.getAttribute("key").equals("factory")) {
                return e.getAttribute("value");
            }
        }
        throw new IllegalArgumentException("no factory in " + settingsXml);
    }
}
