package org.phenoloc.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandIn;
import org.phenoloc.knime.Fixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What KNIME reads besides the code: plugin.xml, node descriptions, icons, dialogs matching the settings. */
class NodeFactoriesTest {
    private static final Path BUNDLE = Path.of("").toAbsolutePath();

    private static Document xml(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(in);
    }

    @Test
    void pluginXmlRegistersEveryFactoryAndThePortType() throws Exception {
        Document plugin = xml(Files.newInputStream(BUNDLE.resolve("plugin.xml")));
        NodeList nodes = plugin.getElementsByTagName("node");
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element)nodes.item(i);
            registered.add(n.getAttribute("factory-class"));
            assertEquals("/community/phenoloc", n.getAttribute("category-path"));
        }
        assertEquals(Stream.of(Fixtures.factories()).map(f -> f.getClass().getName()).sorted().toList(),
            registered.stream().sorted().toList());
        Element cat = (Element)plugin.getElementsByTagName("category").item(0);
        assertEquals("Plant Phenotyping", cat.getAttribute("name"));
        assertTrue(Files.isRegularFile(BUNDLE.resolve(cat.getAttribute("icon"))));
        Element port = (Element)plugin.getElementsByTagName("portType").item(0);
        for (String attr : new String[] {"objectClass", "objectSerializer", "specClass", "specSerializer"}) {
            String name = port.getAttribute(attr);
            assertNotNull(Class.forName(name), attr + " " + name);
        }
        assertTrue(org.knime.core.node.port.PortObject.class
            .isAssignableFrom(Class.forName(port.getAttribute("objectClass"))));
    }

    @Test
    void everyNodeHasADescriptionMatchingItsPortsAndAnIcon() throws Exception {
        for (NodeFactory<?> f : Fixtures.factories()) {
            String name = f.getClass().getSimpleName() + ".xml";
            try (InputStream in = f.getClass().getResourceAsStream(name)) {
                assertNotNull(in, "no description " + name);
                Document d = xml(in);
                Element root = d.getDocumentElement();
                assertEquals("http://knime.org/node/v4.1", root.getNamespaceURI(), name);
                assertEquals("knimeNode", root.getLocalName());
                NodeModel m = f.createNodeModel();
                assertEquals(StandIn.nrInPorts(m), d.getElementsByTagNameNS("*", "inPort").getLength(), name);
                assertEquals(StandIn.nrOutPorts(m), d.getElementsByTagNameNS("*", "outPort").getLength(), name);
                assertFalse(d.getElementsByTagNameNS("*", "name").item(0).getTextContent().isBlank());
                assertFalse(d.getElementsByTagNameNS("*", "intro").item(0).getTextContent().isBlank());
                String icon = root.getAttribute("icon");
                try (InputStream png = f.getClass().getResourceAsStream(icon.replace("./", ""))) {
                    assertNotNull(png, "icon " + icon + " of " + name);
                    var img = ImageIO.read(png);
                    assertEquals(16, img.getWidth());
                    assertEquals(16, img.getHeight());
                }
                // one <option> per dialog component
                NodeDialogPane dialog = StandIn.createDialog(f);
                int settings = StandIn.saveDialogSettings(dialog).keySet().size();
                assertEquals(settings, d.getElementsByTagNameNS("*", "option").getLength(),
                    name + ": options described vs settings in the dialog");
            }
        }
    }

    @Test
    void dialogsEditExactlyTheModelsSettings() throws Exception {
        for (NodeFactory<?> f : Fixtures.factories()) {
            NodeModel m = f.createNodeModel();
            NodeSettings fromModel = StandIn.saveSettings(m);
            NodeSettings fromDialog = StandIn.saveDialogSettings(StandIn.createDialog(f));
            assertEquals(fromModel.keySet(), fromDialog.keySet(), f.getClass().getSimpleName());
            if (fresh(f)) {
                // defaults are valid (a file or folder must be chosen) and the dialog keeps every value
                NodeModel fresh = f.createNodeModel();
                StandIn.loadSettings(fresh, fromDialog);
                assertEquals(fromModel.toString(), StandIn.saveSettings(fresh).toString());
            }
            assertEquals(0, StandIn.nrViews(f));
        }
    }

    /** Nodes whose defaults are complete: all but those whose file or folder must be chosen. */
    private static boolean fresh(final NodeFactory<?> f) {
        String n = f.getClass().getSimpleName();
        return !n.startsWith("AnnotationReader") && !n.startsWith("ImageLister") && !n.startsWith("Model")
            && !n.startsWith("ResultsWriter");
    }

    @Test
    void nodeCodeUsesNoStandInOnlyApi() throws IOException {
        try (Stream<Path> files = Files.walk(BUNDLE.resolve("src/main/java"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(p);
                for (String forbidden : new String[] {"StandIn", "ForTest", "cancelAfterChecks", "getCancelChecks",
                    "new ExecutionContext(", "new ExecutionMonitor("}) {
                    assertFalse(src.contains(forbidden), p + " uses stand-in-only " + forbidden);
                }
            }
        }
    }
}
