package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Stand-in for KNIME's PortObjectZipOutputStream. */
public class PortObjectZipOutputStream extends ZipOutputStream {
    PortObjectZipOutputStream(final OutputStream outStream) {
        super(outStream);
    }
}
