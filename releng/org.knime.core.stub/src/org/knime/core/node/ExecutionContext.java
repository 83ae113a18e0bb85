package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

/** Stand-in for KNIME's ExecutionContext: an ExecutionMonitor that also creates in-memory tables. */
public class ExecutionContext extends ExecutionMonitor {

    /** Stand-in only: a fresh top-level context (KNIME creates these itself). */
    public ExecutionContext() {
        super();
    }

    private ExecutionContext(State state, double offset, double share) {
        super(state, offset, share);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(m_state, m_state.progress, maxProg);
    }
}
