package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

/** Stand-in for KNIME's PortUtil: the zip streams KNIME wraps port contents in (same entry names). */
public final class PortUtil {
    private PortUtil() {
    }

    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        PortObjectSpecZipOutputStream zipOut = new PortObjectSpecZipOutputStream(in);
        zipOut.putNextEntry(new ZipEntry("portSpec.file"));
        return zipOut;
    }

    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        PortObjectZipOutputStream zipOut = new PortObjectZipOutputStream(in);
        zipOut.putNextEntry(new ZipEntry("portObject.file"));
        return zipOut;
    }

    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        PortObjectSpecZipInputStream zipIn = new PortObjectSpecZipInputStream(in);
        ZipEntry entry = zipIn.getNextEntry();
        if (entry == null || !"portSpec.file".equals(entry.getName())) {
            throw new IOException("Expected zip entry 'portSpec.file', got " + entry);
        }
        return zipIn;
    }

    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        PortObjectZipInputStream zipIn = new PortObjectZipInputStream(in);
        ZipEntry entry = zipIn.getNextEntry();
        if (entry == null || !"portObject.file".equals(entry.getName())) {
            throw new IOException("Expected zip entry 'portObject.file', got " + entry);
        }
        return zipIn;
    }
}
