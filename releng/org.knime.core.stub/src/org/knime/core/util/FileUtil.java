package org.knime.core.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Stand-in for KNIME's org.knime.core.util.FileUtil (bundle org.knime.core): the two members our nodes use, with
 * KNIME's signatures. {@code knime://knime.workflow/...} resolves against the folder set with
 * {@code StandIn.setWorkflowContext}, {@code knime://knime.mountpoint/...} against the mountpoint root set there;
 * other knime:// hosts (other mountpoints, Hub spaces) are not local to the stand-in and give null, as KNIME does
 * for non-local URLs.
 */
public final class FileUtil {
    private static final URLStreamHandler KNIME_PROTOCOL = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(final URL u) throws IOException {
            throw new IOException("the stand-in does not open knime:// connections: " + u);
        }
    };

    private FileUtil() {
    }

    /**
     * As KNIME: a URL as given (spaces escaped as a fallback), else a local path made absolute as a file URL.
     *
     * @throws MalformedURLException if the path is neither a URL nor a proper file system path
     * @throws InvalidPathException if the parameter looks like a file system path but is invalid
     */
    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException("", "Empty path");
        }
        String escaped = path.replace(" ", "%20");
        if (escaped.regionMatches(true, 0, "knime:", 0, 6)) {
            return new URL(null, escaped, KNIME_PROTOCOL);
        }
        try {
            return new URL(escaped);
        } catch (MalformedURLException ex) {
            return Paths.get(path).toAbsolutePath().toUri().toURL();
        }
    }

    /**
     * As KNIME: the local path a file or knime URL denotes, or null if it is not local.
     *
     * @throws IOException if an I/O error occurs while resolving the URL (stand-in: no workflow context is set)
     * @throws URISyntaxException if the URL does not conform with RFC2396
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        if ("file".equalsIgnoreCase(url.getProtocol())) {
            return Paths.get(url.toURI());
        }
        if (!"knime".equalsIgnoreCase(url.getProtocol())) {
            return null;
        }
        Path base;
        if ("knime.workflow".equals(url.getHost())) {
            base = StandInWorkflowContext.workflow();
        } else if ("knime.mountpoint".equals(url.getHost())) {
            base = StandInWorkflowContext.mountpoint();
        } else {
            return null;
        }
        if (base == null) {
            throw new IOException("No workflow context available to resolve " + url);
        }
        String rel = new URI(url.toString()).getPath();
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        return base.resolve(rel).normalize();
    }
}
