package org.phenoloc.knime.util;

import java.io.File;
import java.util.function.Supplier;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.io.Progress;

/** Common plumbing of the Phenoloc node models: settings handled through a {@link NodeSettingsBundle}. */
public abstract class PhenolocNodeModel<S extends NodeSettingsBundle> extends NodeModel {
    protected final S m_settings;
    private final Supplier<S> m_fresh;

    protected PhenolocNodeModel(final PortType[] in, final PortType[] out, final Supplier<S> settings) {
        super(in, out);
        m_fresh = settings;
        m_settings = settings.get();
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsBundle.validate(settings, m_fresh);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing to restore: all outputs are port objects that KNIME saves
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing to save
    }

    @Override
    protected void reset() {
        // no state beyond the settings
    }

    /** The engine's progress/cancellation interface on top of a KNIME execution monitor. */
    protected static Progress progress(final ExecutionMonitor exec) {
        return new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled(exec);
            }
        };
    }

    /** True if the user cancelled; KNIME signals it by the exception that checkCanceled throws. */
    public static boolean cancelled(final ExecutionMonitor exec) {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** For engine work cut short through {@link Progress#isCancelled()}. */
    protected static CanceledExecutionException cancelledException() {
        return new CanceledExecutionException("cancelled by the user");
    }
}
