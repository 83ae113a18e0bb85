package org.phenoloc.knime.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;
import org.phenoloc.engine.io.BadInputException;

/**
 * File and folder locations as settings and table cells hold them: a local path, a {@code file:} URL, or a KNIME URL
 * such as {@code knime://knime.workflow/data/images} (relative to the workflow) or
 * {@code knime://knime.mountpoint/...}. Resolved with KNIME's own {@code FileUtil.resolveToPath(FileUtil.toURL(s))},
 * so what KNIME accepts in its file dialogs works here, on every OS. Files found inside a folder keep the folder's
 * form: below a knime:// folder they are knime:// URLs too, so a table stays valid when the workflow moves.
 */
public final class Locations {
    private Locations() {
    }

    /** True for a URL (scheme of two or more letters then ':'), false for a path (also "C:\..."). */
    public static boolean isUrl(final String location) {
        int colon = location.indexOf(':');
        return colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    /** The local path of a location. @throws IllegalArgumentException naming the location and the problem */
    public static Path resolve(final String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("no location given");
        }
        String s = location.trim();
        Path p;
        try {
            p = FileUtil.resolveToPath(FileUtil.toURL(s));
        } catch (MalformedURLException | InvalidPathException | URISyntaxException e) {
            throw new IllegalArgumentException("'" + s + "' is neither a valid path nor a URL: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + s + "' cannot be resolved: " + e.getMessage(), e);
        }
        if (p == null) {
            throw new IllegalArgumentException("'" + s + "' is not a local file (use a local path, a file: URL or a "
                + "knime://knime.workflow/ or knime://knime.mountpoint/ URL)");
        }
        return p;
    }

    /** A location chosen by a setting, resolved; the message names the setting as shown in the dialog. */
    public static Path setting(final String location, final String setting) throws InvalidSettingsException {
        if (location == null || location.isBlank()) {
            throw NodeSettingsBundle.bad(setting, "nothing chosen");
        }
        try {
            return resolve(location);
        } catch (IllegalArgumentException e) {
            throw NodeSettingsBundle.bad(setting, e.getMessage());
        }
    }

    /**
     * Checks a location chosen by a setting without resolving it (settings are validated when a workflow loads,
     * before a knime:// URL can be resolved): not empty, and a well-formed URL or a valid path.
     */
    public static void checkSyntax(final String location, final String setting) throws InvalidSettingsException {
        if (location == null || location.isBlank()) {
            throw NodeSettingsBundle.bad(setting, "nothing chosen");
        }
        try {
            FileUtil.toURL(location.trim());
        } catch (MalformedURLException | InvalidPathException e) {
            throw NodeSettingsBundle.bad(setting, "'" + location + "' is neither a valid path nor a URL: "
                + e.getMessage());
        }
    }

    /** A location read from a table cell, resolved; the message names the row. */
    public static Path cell(final String location, final String rowKey) {
        try {
            return resolve(location);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("row '" + rowKey + "': " + e.getMessage());
        }
    }

    /**
     * The location of {@code file}, which lies inside {@code folder}, written in the form of {@code folderLocation}:
     * a URL below a URL folder (path segments joined with '/', spaces kept), else the absolute local path.
     */
    public static String child(final String folderLocation, final Path folder, final Path file) {
        if (!isUrl(folderLocation.trim()) || folderLocation.trim().regionMatches(true, 0, "file:", 0, 5)) {
            return file.toAbsolutePath().toString();
        }
        StringBuilder sb = new StringBuilder(folderLocation.trim());
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        for (Path part : folder.relativize(file)) {
            sb.append('/').append(part);
        }
        return sb.toString();
    }

    /** The file name of a location (last path segment; URL escapes decoded). */
    public static String fileName(final String location) {
        String s = location.trim();
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        String name = s.substring(cut + 1);
        if (isUrl(s) && name.contains("%")) {
            name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return name;
    }
}
