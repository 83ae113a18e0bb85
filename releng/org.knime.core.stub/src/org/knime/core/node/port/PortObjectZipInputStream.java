package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Stand-in for KNIME's PortObjectZipInputStream. */
public class PortObjectZipInputStream extends ZipInputStream {
    PortObjectZipInputStream(final InputStream in) {
        super(in);
    }
}
