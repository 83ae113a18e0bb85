package org.phenoloc.knime.workflows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KNIME 5.x workflow folder as this project writes and reads it: workflow.knime (nodes with bounds, connections,
 * workflow variables) and one "Name (#id)/settings.xml" per node (factory, name, annotation, the node model's
 * settings under "model", and flow-variable bindings under "variables").
 */
public final class Workflow {
    /** A node; {@code variables} maps a model setting key to the workflow variable that sets it. */
    public record Node(int id, String factory, String name, String annotation, XmlConfig model,
        Map<String, String> variables, int x, int y) {
        public String folder() {
            return name + " (#" + id + ")";
        }
    }

    /** A connection between KNIME ports: port 0 is the flow-variable port, data ports start at 1. */
    public record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    public final String name;
    public final List<Node> nodes = new ArrayList<>();
    public final List<Connection> connections = new ArrayList<>();
    /** Workflow variables (all String) with their default values, in order. */
    public final Map<String, String> variables = new LinkedHashMap<>();

    public Workflow(final String name) {
        this.name = name;
    }

    public Node node(final int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(name + ": no node #" + id));
    }

    public static Workflow read(final Path dir) throws Exception {
        XmlConfig wf = XmlConfig.read(dir.resolve("workflow.knime"));
        Workflow w = new Workflow(dir.getFileName().toString());
        if (wf.has("workflow_variables")) {
            for (XmlConfig v : wf.sub("workflow_variables").configs()) {
                w.variables.put(v.getString("name"), v.getString("value"));
            }
        }
        for (XmlConfig n : wf.sub("nodes").configs()) {
            XmlConfig s = XmlConfig.read(dir.resolve(n.getString("node_settings_file")));
            Map<String, String> vars = new LinkedHashMap<>();
            if (s.has("variables")) {
                for (XmlConfig v : s.sub("variables").sub("tree").configs()) {
                    vars.put(v.key, v.getString("used_variable"));
                }
            }
            XmlConfig bounds = n.sub("ui_settings").sub("extrainfo.node.bounds");
            w.nodes.add(new Node(n.getInt("id"), s.getString("factory"), s.getString("node-name"),
                s.has("nodeAnnotation") ? s.sub("nodeAnnotation").getString("text") : null, s.sub("model"), vars,
                bounds.getInt("0"), bounds.getInt("1")));
        }
        for (XmlConfig c : wf.sub("connections").configs()) {
            w.connections.add(new Connection(c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"),
                c.getInt("destPort")));
        }
        return w;
    }

    public void write(final Path dir) throws Exception {
        Files.createDirectories(dir);
        XmlConfig wf = new XmlConfig("workflow.knime");
        wf.string("created_by", "5.3.0.v202406131100").bool("created_by_nightly", false).string("version", "5.1.0")
            .string("name", null);
        wf.config("authorInformation").string("authored-by", "Phenoloc").string("authored-when",
            "2026-12-02 12:00:00 +0000").string("lastEdited-by", null).string("lastEdited-when", null);
        wf.string("customDescription", null).string("state", "IDLE");
        wf.config("workflow_credentials");
        XmlConfig vars = wf.config("workflow_variables");
        int i = 0;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            vars.config("Var_" + i++).string("name", v.getKey()).string("class", "STRING").string("value",
                v.getValue());
        }
        XmlConfig nodesCfg = wf.config("nodes");
        for (Node n : nodes) {
            XmlConfig c = nodesCfg.config("node_" + n.id());
            c.integer("id", n.id()).string("node_settings_file", n.folder() + "/settings.xml")
                .bool("node_is_meta", false).string("node_type", "NativeNode")
                .string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            c.config("ui_settings").config("extrainfo.node.bounds").integer("array-size", 4).integer("0", n.x())
                .integer("1", n.y()).integer("2", 120).integer("3", 90);
            settings(n).write(dir.resolve(n.folder()).resolve("settings.xml"));
        }
        XmlConfig conns = wf.config("connections");
        i = 0;
        for (Connection c : connections) {
            XmlConfig cc = conns.config("connection_" + i++);
            cc.integer("sourceID", c.source()).integer("destID", c.dest()).integer("sourcePort", c.sourcePort())
                .integer("destPort", c.destPort())
                .string("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation");
            cc.config("ui_settings").integer("extrainfo.conn.bendpoints_size", 0);
        }
        wf.config("workflow_editor_settings").bool("workflow.editor.snapToGrid", true)
            .bool("workflow.editor.ShowGrid", false).integer("workflow.editor.gridX", 20)
            .integer("workflow.editor.gridY", 20).put("workflow.editor.zoomLevel", "xdouble", 1.0)
            .bool("workflow.editor.curvedConnections", true).integer("workflow.editor.connectionWidth", 2);
        wf.write(dir.resolve("workflow.knime"));
    }

    private static XmlConfig settings(final Node n) {
        XmlConfig s = new XmlConfig("settings.xml");
        s.string("node_file", "settings.xml");
        s.config("flow_stack");
        s.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        s.children.put("model", n.model());
        if (!n.variables().isEmpty()) {
            XmlConfig v = s.config("variables");
            v.string("version", "V_2019_09_13");
            XmlConfig tree = v.config("tree");
            n.variables().forEach((key, var) -> tree.config(key).string("used_variable", var)
                .string("exposed_variable", null));
        }
        s.string("customDescription", null).string("state", "IDLE").string("factory", n.factory())
            .string("node-name", n.name()).string("node-bundle-name", "Phenoloc KNIME nodes (Plant Phenotyping)")
            .string("node-bundle-symbolic-name", "org.phenoloc.knime").string("node-bundle-vendor", "Phenoloc")
            .string("node-bundle-version", "0.1.0").string("node-feature-name", "Phenoloc: Plant Phenotyping nodes "
                + "for KNIME").string("node-feature-symbolic-name", "org.phenoloc.feature.feature.group")
            .string("node-feature-vendor", "Phenoloc").string("node-feature-version", "0.1.0");
        s.config("factory_settings");
        s.string("name", n.name()).bool("hasContent", false).bool("isInactive", false);
        s.config("ports");
        s.config("filestores").string("file_store_location", null).string("file_store_id", null);
        XmlConfig a = s.config("nodeAnnotation");
        a.string("text", n.annotation()).integer("bgcolor", 16777215).integer("x-coordinate", n.x() - 20)
            .integer("y-coordinate", n.y() + 95).integer("width", 160).integer("height", 60)
            .string("alignment", "CENTER").integer("borderSize", 0).integer("borderColor", 16777215)
            .integer("defFontSize", 9).integer("annotation-version", 20151123).config("styles");
        return s;
    }
}
