package org.phenoloc.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.node.NodeSettings;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * KNIME's XMLConfig files (workflow.knime, settings.xml): a tree of {@code <config key>} with typed
 * {@code <entry key type value>} leaves in namespace http://www.knime.org/2008/09/XMLConfig. Written and read here
 * without KNIME; entries keep their KNIME type names (xstring, xint, xdouble, xboolean, xlong).
 */
public final class XmlConfig {
    public static final String NS = "http://www.knime.org/2008/09/XMLConfig";

    /** A typed leaf; value null is KNIME's isnull="true". */
    public record Entry(String type, String value) {
    }

    public final String key;
    /** Entries (Entry) and sub-configs (XmlConfig) in order. */
    public final Map<String, Object> children = new LinkedHashMap<>();

    public XmlConfig(final String key) {
        this.key = key;
    }

    public XmlConfig config(final String k) {
        XmlConfig c = new XmlConfig(k);
        children.put(k, c);
        return c;
    }

    public XmlConfig put(final String k, final String type, final Object value) {
        children.put(k, new Entry(type, value == null ? null : String.valueOf(value)));
        return this;
    }

    public XmlConfig string(final String k, final String v) {
        return put(k, "xstring", v);
    }

    public XmlConfig integer(final String k, final int v) {
        return put(k, "xint", v);
    }

    public XmlConfig bool(final String k, final boolean v) {
        return put(k, "xboolean", v);
    }

    public XmlConfig sub(final String k) {
        Object o = children.get(k);
        if (!(o instanceof XmlConfig c)) {
            throw new IllegalArgumentException("no config '" + k + "' in '" + key + "' (has " + children.keySet() + ")");
        }
        return c;
    }

    public boolean has(final String k) {
        return children.containsKey(k);
    }

    public Entry entry(final String k) {
        Object o = children.get(k);
        if (!(o instanceof Entry e)) {
            throw new IllegalArgumentException("no entry '" + k + "' in config '" + key + "'");
        }
        return e;
    }

    public String getString(final String k) {
        return entry(k).value();
    }

    public int getInt(final String k) {
        return Integer.parseInt(entry(k).value());
    }

    public List<XmlConfig> configs() {
        List<XmlConfig> out = new ArrayList<>();
        children.values().forEach(o -> {
            if (o instanceof XmlConfig c) {
                out.add(c);
            }
        });
        return out;
    }

    /** The flat settings a node model saves (entries of the config), as the stand-in's NodeSettings. */
    public NodeSettings toNodeSettings() {
        NodeSettings s = new NodeSettings(key);
        children.forEach((k, o) -> {
            if (!(o instanceof Entry e)) {
                throw new IllegalArgumentException("nested config '" + k + "' in '" + key + "'");
            }
            switch (e.type()) {
                case "xstring" -> s.addString(k, e.value());
                case "xint" -> s.addInt(k, Integer.parseInt(e.value()));
                case "xlong" -> s.addLong(k, Long.parseLong(e.value()));
                case "xdouble" -> s.addDouble(k, Double.parseDouble(e.value()));
                case "xboolean" -> s.addBoolean(k, Boolean.parseBoolean(e.value()));
                default -> throw new IllegalArgumentException("entry '" + k + "': unknown type " + e.type());
            }
        });
        return s;
    }

    /** A node model's saved settings as a config (types from the stand-in's typed getters). */
    public static XmlConfig of(final String key, final NodeSettings s) {
        XmlConfig c = new XmlConfig(key);
        for (String k : s.keySet()) {
            try {
                c.string(k, s.getString(k));
                continue;
            } catch (Exception notString) {
                // next type
            }
            try {
                c.integer(k, s.getInt(k));
                continue;
            } catch (Exception notInt) {
                // next type
            }
            try {
                c.put(k, "xlong", s.getLong(k));
                continue;
            } catch (Exception notLong) {
                // next type
            }
            try {
                c.put(k, "xdouble", s.getDouble(k));
                continue;
            } catch (Exception notDouble) {
                // next type
            }
            try {
                c.bool(k, s.getBoolean(k));
            } catch (Exception e) {
                throw new IllegalArgumentException("setting '" + k + "' has no XMLConfig type", e);
            }
        }
        return c;
    }

    public void write(final Path file) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<config xmlns=\"").append(NS).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
            .append(" xsi:schemaLocation=\"").append(NS).append(" http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"")
            .append(esc(key)).append("\">\n");
        body(sb, "    ");
        sb.append("</config>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private void body(final StringBuilder sb, final String indent) {
        children.forEach((k, o) -> {
            if (o instanceof Entry e) {
                sb.append(indent).append("<entry key=\"").append(esc(k)).append("\" type=\"").append(e.type())
                    .append(e.value() == null ? "\" isnull=\"true\" value=\"\"/>\n"
                        : "\" value=\"" + esc(e.value()) + "\"/>\n");
            } else {
                XmlConfig c = (XmlConfig)o;
                if (c.children.isEmpty()) {
                    sb.append(indent).append("<config key=\"").append(esc(k)).append("\"/>\n");
                } else {
                    sb.append(indent).append("<config key=\"").append(esc(k)).append("\">\n");
                    c.body(sb, indent + "    ");
                    sb.append(indent).append("</config>\n");
                }
            }
        });
    }

    private static String esc(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("\n", "&#10;");
    }

    /** Parses an XMLConfig file; fails on another root element or namespace. */
    public static XmlConfig read(final Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            Element root = f.newDocumentBuilder().parse(in).getDocumentElement();
            if (!"config".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
                throw new IllegalArgumentException(file + ": not an XMLConfig file (root " + root.getTagName() + ")");
            }
            return parse(root);
        }
    }

    private static XmlConfig parse(final Element e) {
        XmlConfig c = new XmlConfig(e.getAttribute("key"));
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                String k = child.getAttribute("key");
                if ("entry".equals(child.getLocalName())) {
                    boolean isNull = "true".equals(child.getAttribute("isnull"));
                    c.put(k, child.getAttribute("type"), isNull ? null : child.getAttribute("value"));
                } else if ("config".equals(child.getLocalName())) {
                    c.children.put(k, parse(child));
                } else {
                    throw new IllegalArgumentException("unexpected element " + child.getTagName());
                }
            }
        }
        return c;
    }
}
