package org.knime.core.node;

import java.lang.reflect.Method;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * NOT KNIME API: how the stand-in's tests drive a node the way KNIME's framework (class Node) does: configure,
 * execute with the same output checks, settings round trips, dialogs. Node code must never use this class.
 */
public final class StandIn {
    private StandIn() {
    }

    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        checkInputs(model, inSpecs.length);
        PortObjectSpec[] out = model.configure(inSpecs);
        if (out == null || out.length != model.getNrOutPorts()) {
            throw new IllegalStateException("configure returned " + (out == null ? "null" : out.length + " specs")
                + " for " + model.getNrOutPorts() + " out ports");
        }
        return out;
    }

    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec, final PortObject... in)
        throws Exception {
        checkInputs(model, in.length);
        PortObject[] out = model.execute(in, exec);
        if (out == null || out.length != model.getNrOutPorts()) {
            throw new IllegalStateException("execute returned " + (out == null ? "null" : out.length + " objects")
                + " for " + model.getNrOutPorts() + " out ports");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("execute returned null at out port " + i);
            }
            if (!model.getOutPortType(i).getPortObjectClass().isInstance(out[i])) {
                throw new IllegalStateException("out port " + i + " expects " + model.getOutPortType(i)
                    + ", got " + out[i].getClass().getName());
            }
        }
        return out;
    }

    private static void checkInputs(NodeModel model, int n) {
        if (n != model.getNrInPorts()) {
            throw new IllegalArgumentException(n + " inputs for " + model.getNrInPorts() + " in ports");
        }
    }

    /** NodeModel's port counts and types are protected final in KNIME (its framework class Node reads them). */
    public static int nrInPorts(final NodeModel model) {
        return model.getNrInPorts();
    }

    public static int nrOutPorts(final NodeModel model) {
        return model.getNrOutPorts();
    }

    public static org.knime.core.node.port.PortType inPortType(final NodeModel model, final int index) {
        return model.getInPortType(index);
    }

    public static org.knime.core.node.port.PortType outPortType(final NodeModel model, final int index) {
        return model.getOutPortType(index);
    }

    /**
     * What KNIME's node context gives FileUtil: the folder of the running workflow ({@code knime://knime.workflow/})
     * and the root of its mountpoint ({@code knime://knime.mountpoint/}); null clears it.
     */
    public static void setWorkflowContext(final java.nio.file.Path workflowDir, final java.nio.file.Path mountpointRoot) {
        org.knime.core.util.StandInWorkflowContext.set(workflowDir, mountpointRoot);
    }

    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    /** What KNIME does when settings are applied: validate, then load. */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
        model.loadValidatedSettingsFrom(settings);
    }

    public static void reset(final NodeModel model) {
        model.reset();
    }

    public static String warning(final NodeModel model) {
        return model.warningMessage();
    }

    public static NodeDialogPane createDialog(final NodeFactory<?> factory) {
        return factory.hasDialog() ? factory.createNodeDialogPane() : null;
    }

    public static NodeSettings saveDialogSettings(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        dialog.saveSettingsTo(s);
        return s;
    }

    public static int nrViews(final NodeFactory<?> factory) {
        return factory.getNrNodeViews();
    }

    /** For reflective callers (OSGi tests) that see this class through another class loader. */
    public static Method method(final String name) {
        for (Method m : StandIn.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
