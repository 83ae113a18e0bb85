package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's DialogComponentColumnNameSelection (the class-filter constructors): a column chooser for a
 * string model, listing the columns of input port {@code specIndex} compatible with one of the value classes. As in
 * KNIME, a required chooser refuses to open without a compatible column.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {
    private final int m_specIndex;
    private final boolean m_isRequired;
    private final Class<? extends DataValue>[] m_classFilter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, false, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_classFilter = classFilter.clone();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex) {
            throw new NotConfigurableException("Need input table spec to configure dialog. Configure or execute "
                + "predecessor nodes.");
        }
        if (!m_isRequired) {
            return;
        }
        if (specs[m_specIndex] == null) {
            throw new NotConfigurableException("Need input table spec to configure dialog. Configure or execute "
                + "predecessor nodes.");
        }
        for (DataColumnSpec col : (DataTableSpec)specs[m_specIndex]) {
            for (Class<? extends DataValue> c : m_classFilter) {
                if (col.getType().isCompatible(c)) {
                    return;
                }
            }
        }
        throw new NotConfigurableException("No column in spec compatible to the filter.");
    }
}
