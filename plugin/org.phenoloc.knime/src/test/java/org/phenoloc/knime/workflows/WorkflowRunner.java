package org.phenoloc.knime.workflows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandIn;
import org.knime.core.node.port.PortObject;
import org.phenoloc.knime.Fixtures;

/**
 * Executes a workflow's chain of Phenoloc node models as KNIME would: nodes in dependency order, each created from its
 * factory, its "model" settings (with workflow variables applied where "variables" binds them) validated and loaded,
 * configured with its inputs' specs and executed; knime:// URLs resolve against the workflow folder (and the folder
 * above it as the mountpoint root).
 */
public final class WorkflowRunner {
    private WorkflowRunner() {
    }

    /** The node's model settings with workflow variables applied. */
    public static NodeSettings settings(final Workflow w, final Workflow.Node n, final Map<String, String> values) {
        NodeSettings s = n.model().toNodeSettings();
        n.variables().forEach((key, var) -> {
            if (!values.containsKey(var)) {
                throw new IllegalArgumentException(w.name + ", " + n.folder() + ": setting '" + key
                    + "' uses the unknown workflow variable '" + var + "'");
            }
            if (!s.containsKey(key)) {
                throw new IllegalArgumentException(w.name + ", " + n.folder() + ": variable '" + var
                    + "' is bound to the unknown setting '" + key + "'");
            }
            s.addString(key, values.get(var));
        });
        return s;
    }

    public static NodeModel create(final Workflow.Node n) throws Exception {
        NodeFactory<?> f = (NodeFactory<?>)Class.forName(n.factory()).getDeclaredConstructor().newInstance();
        return f.createNodeModel();
    }

    /** Runs the workflow in {@code dir}; {@code overrides} replace workflow variable values (like -workflow.variable). */
    public static Map<Integer, PortObject[]> run(final Path dir, final Map<String, String> overrides)
        throws Exception {
        Workflow w = Workflow.read(dir);
        Map<String, String> values = new LinkedHashMap<>(w.variables);
        values.putAll(overrides);
        StandIn.setWorkflowContext(dir, dir.getParent());
        try {
            Map<Integer, PortObject[]> outputs = new HashMap<>();
            for (Workflow.Node n : order(w)) {
                NodeModel m = create(n);
                StandIn.loadSettings(m, settings(w, n, values));
                PortObject[] in = new PortObject[StandIn.nrInPorts(m)];
                for (Workflow.Connection c : w.connections) {
                    if (c.dest() == n.id() && c.destPort() > 0) {
                        in[c.destPort() - 1] = outputs.get(c.source())[c.sourcePort() - 1];
                    }
                }
                try {
                    outputs.put(n.id(), Fixtures.execute(m, in));
                } catch (Exception e) {
                    throw new IllegalStateException(w.name + ", node " + n.folder() + ": " + e.getMessage(), e);
                }
            }
            return outputs;
        } finally {
            StandIn.setWorkflowContext(null, null);
        }
    }

    /** Nodes so that every node comes after the nodes feeding it. */
    public static List<Workflow.Node> order(final Workflow w) {
        List<Workflow.Node> done = new ArrayList<>();
        List<Workflow.Node> left = new ArrayList<>(w.nodes);
        while (!left.isEmpty()) {
            Workflow.Node next = left.stream().filter(n -> w.connections.stream().filter(c -> c.dest() == n.id())
                .allMatch(c -> done.stream().anyMatch(d -> d.id() == c.source()))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(w.name + ": the connections form a cycle"));
            done.add(next);
            left.remove(next);
        }
        return done;
    }
}
