package org.knime.core.node;

import java.io.File;
import java.io.IOException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Stand-in for KNIME's NodeModel (the signatures our nodes use or override). */
public abstract class NodeModel {
    private final PortType[] m_inPortTypes;
    private final PortType[] m_outPortTypes;
    private String m_warningMessage;

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tables(nrInDataPorts), tables(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = inPortTypes.clone();
        m_outPortTypes = outPortTypes.clone();
    }

    private static PortType[] tables(int n) {
        PortType[] t = new PortType[n];
        java.util.Arrays.fill(t, BufferedDataTable.TYPE);
        return t;
    }

    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new IllegalStateException("configure() implementation missing");
    }

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IllegalStateException("execute() implementation missing");
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void reset();

    protected void onDispose() {
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    /** Stand-in only (KNIME shows the warning on the node). */
    final String warningMessage() {
        return m_warningMessage;
    }
}
