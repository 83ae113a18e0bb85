package org.knime.core.data.image.png;

import org.knime.core.data.DataValue;

/** Stand-in for KNIME's PNGImageValue (in KNIME it extends ImageValue). */
public interface PNGImageValue extends DataValue {
    PNGImageContent getImageContent();
}
