package org.phenoloc.knime.util;

import java.util.Arrays;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.phenoloc.engine.io.BadInputException;

/** Reading and building tables: column lookup with clear messages, typed cell access, specs. */
public final class Tables {
    private Tables() {
    }

    /**
     * The index of a column chosen by a setting, checked for existence and value type.
     *
     * @param setting the setting's label in the dialog, for the message
     */
    public static int column(final DataTableSpec spec, final String name, final Class<? extends DataValue> value,
        final String setting, final String table) throws InvalidSettingsException {
        if (name == null || name.isBlank()) {
            throw NodeSettingsBundle.bad(setting, "no column chosen");
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw NodeSettingsBundle.bad(setting, "the " + table + " has no column '" + name + "' (columns: "
                + Arrays.toString(spec.getColumnNames()) + ")");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(value)) {
            throw NodeSettingsBundle.bad(setting, "column '" + name + "' of the " + table + " holds "
                + spec.getColumnSpec(i).getType() + ", not " + kind(value));
        }
        return i;
    }

    private static String kind(Class<? extends DataValue> value) {
        if (value == StringValue.class) {
            return "strings";
        }
        if (value == DoubleValue.class) {
            return "numbers";
        }
        return value.getSimpleName().replace("Value", "") + " values";
    }

    public static String string(final DataRow row, final int col, final String what) {
        DataCell c = row.getCell(col);
        if (c.isMissing()) {
            throw new BadInputException("row '" + row.getKey() + "': the " + what + " is missing");
        }
        return ((StringValue)c).getStringValue();
    }

    public static double number(final DataRow row, final int col, final String what) {
        DataCell c = row.getCell(col);
        if (c.isMissing()) {
            throw new BadInputException("row '" + row.getKey() + "': the " + what + " is missing");
        }
        double v = ((DoubleValue)c).getDoubleValue();
        if (!Double.isFinite(v)) {
            throw new BadInputException("row '" + row.getKey() + "': the " + what + " is " + v);
        }
        return v;
    }

    public static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    public static DataColumnSpec stringCol(final String name) {
        return col(name, StringCell.TYPE);
    }

    public static DataColumnSpec doubleCol(final String name) {
        return col(name, DoubleCell.TYPE);
    }

    public static DataColumnSpec intCol(final String name) {
        return col(name, IntCell.TYPE);
    }

    /** A double cell, or missing for NaN (KNIME shows "?"). */
    public static DataCell doubleOrMissing(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }
}
