package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Stand-in for KNIME's PortObjectSpecZipOutputStream. */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {
    PortObjectSpecZipOutputStream(final OutputStream outStream) {
        super(outStream);
    }
}
