package org.phenoloc.engine.annotations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.phenoloc.engine.io.BadInputException;

/**
 * Reads root tips from RSML (Root System Markup Language) as written by RootNav, SmartRoot or
 * RootSystemTracker.
 *
 * <p>Every {@code root} element (primary or lateral, nested at any depth, in any plant) is one structure: its
 * {@code geometry/polyline} points, or, when a root has no polyline, the control points of RootNav's
 * {@code geometry/rootnavspline}. Geometry runs from base to tip, so the last point is the root tip; roots
 * shorter than the minimum length give no tip (a very short lateral is not a recognisable tip in a patch).
 *
 * <p>Elements and attributes are matched on local names (any XML namespace), {@code id}/{@code ID} are both
 * accepted, and points may be given as {@code x}/{@code y} attributes or child elements. Coordinates are taken
 * as image pixels; {@code unit} and {@code resolution} are not used (RootNav writes pixel / 1, others write
 * text there). DTDs and external entities are refused (XXE-safe).
 */
public final class RsmlReader {
    /** Feature class of root tips. */
    public static final String ROOT_TIP = "root_tip";
    /** Pound et al. 2016: a root must be at least half the 32 px training window long to give a tip. */
    public static final double PAPER_MIN_ROOT_LENGTH = 16;

    private final double minRootLength;

    /** @param minRootLength roots with a shorter polyline (in px) give no root tip; 0 keeps all */
    public RsmlReader(double minRootLength) {
        if (!(minRootLength >= 0) || Double.isInfinite(minRootLength)) {
            throw new BadInputException("minimum root length must be a number >= 0 px, got " + minRootLength);
        }
        this.minRootLength = minRootLength;
    }

    public double minRootLength() {
        return minRootLength;
    }

    /**
     * Reads one RSML file.
     *
     * @param rsml  the RSML file
     * @param image the image it annotates (only recorded in the result)
     * @throws BadInputException for unreadable or malformed XML, a root without points or bad coordinates
     */
    public AnnotatedImage read(Path rsml, Path image) {
        List<RootGeometry> roots;
        try (InputStream in = open(rsml)) {
            XMLStreamReader xml = newReader(in);
            try {
                roots = new Parse(rsml, xml).roots();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(rsml, e);
        } catch (IOException e) {
            throw new BadInputException(rsml, "cannot read file: " + e.getMessage(), e);
        }
        List<Feature> tips = new ArrayList<>();
        List<List<Point>> structures = new ArrayList<>();
        for (RootGeometry root : roots) {
            List<Point> line = root.points();
            structures.add(line);
            if (length(line) >= minRootLength) {
                Point tip = line.get(line.size() - 1); // geometry runs base to tip
                tips.add(new Feature(ROOT_TIP, tip.x(), tip.y()));
            }
        }
        return new AnnotatedImage(image, rsml, tips, structures);
    }

    /**
     * The image named by {@code rsml/metadata/file-key} (RootNav writes the image file name without extension).
     *
     * @return the trimmed key, or empty if there is none or it is blank
     * @throws BadInputException if the file cannot be read or is not well-formed XML before the key
     */
    public static Optional<String> fileKey(Path rsml) {
        Deque<String> path = new ArrayDeque<>();
        try (InputStream in = open(rsml)) {
            XMLStreamReader xml = newReader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (name.equals("scene")) {
                            break; // metadata comes first; no need to parse the geometry
                        }
                        if (name.equals("file-key") && "metadata".equals(path.peek())) {
                            String key = xml.getElementText().trim();
                            return key.isEmpty() ? Optional.empty() : Optional.of(key);
                        }
                        path.push(name);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        path.pop();
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(rsml, e);
        } catch (IOException e) {
            throw new BadInputException(rsml, "cannot read file: " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** Length of a polyline in px. */
    static double length(List<Point> line) {
        double sum = 0;
        for (int i = 1; i < line.size(); i++) {
            sum += line.get(i - 1).distance(line.get(i));
        }
        return sum;
    }

    private static InputStream open(Path rsml) throws IOException {
        if (Files.isDirectory(rsml)) {
            throw new BadInputException(rsml, "not a file");
        }
        try {
            return Files.newInputStream(rsml);
        } catch (NoSuchFileException e) {
            throw new BadInputException(rsml, "file not found", e);
        }
    }

    static XMLStreamReader newReader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTDs, no external entities: an annotation file must not make us read other files or the network.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(in);
    }

    /** An attribute by local name, ignoring case (RSML writers use both {@code id} and {@code ID}). */
    private static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static double coordinate(Path rsml, XMLStreamReader xml, String axis, String text) {
        if (text == null || text.isBlank()) {
            throw bad(rsml, xml, "point has no " + axis + " coordinate");
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(rsml, xml, "point " + axis + "=\"" + text + "\" is not a number");
    }

    private static BadInputException bad(Path rsml, XMLStreamReader xml, String problem) {
        return bad(rsml, xml.getLocation().getLineNumber(), problem);
    }

    private static BadInputException bad(Path rsml, int line, String problem) {
        return new BadInputException(rsml, (line > 0 ? "line " + line + ": " : "") + problem);
    }

    static BadInputException malformed(Path rsml, XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        // StAX prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; keep the human part.
        int at = msg.indexOf("Message: ");
        if (at >= 0) {
            msg = msg.substring(at + "Message: ".length());
        }
        return new BadInputException(rsml, (line > 0 ? "line " + line + ": " : "") + "malformed XML: " + msg, e);
    }

    /** Geometry of one root while it is being read. */
    /** One pass over an RSML document, collecting its roots' geometry. */
    private static final class Parse {
        private final Path rsml;
        private final XMLStreamReader xml;
        private final List<RootGeometry> roots = new ArrayList<>(); // in document order: a parent before its laterals
        private final Deque<RootGeometry> open = new ArrayDeque<>(); // roots being read, innermost on top
        private final Deque<String> path = new ArrayDeque<>(); // local names of the open elements, innermost first
        private PointReader point; // point given as child elements <x>/<y>, still being read

        Parse(Path rsml, XMLStreamReader xml) {
            this.rsml = rsml;
            this.xml = xml;
        }

        /** The document's roots in document order. */
        List<RootGeometry> roots() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end();
                }
            }
            return roots;
        }

        private void start() throws XMLStreamException {
            String name = xml.getLocalName();
            String parent = path.peek();
            if (path.isEmpty() && !name.equals("rsml")) {
                throw bad(rsml, xml, "not an RSML file (top element <" + name + ">, expected <rsml>)");
            }
            path.push(name);
            if (name.equals("root")) {
                int line = xml.getLocation().getLineNumber();
                RootGeometry root = new RootGeometry(attribute(xml, "id"), line);
                roots.add(root);
                open.push(root);
            } else if (name.equals("point") && !open.isEmpty()
                    && ("polyline".equals(parent) || "rootnavspline".equals(parent))) {
                List<Point> target = parent.equals("polyline") ? open.peek().polyline : open.peek().spline;
                String x = attribute(xml, "x");
                String y = attribute(xml, "y");
                if (x == null && y == null) {
                    point = new PointReader(target);
                } else {
                    target.add(new Point(coordinate(rsml, xml, "x", x), coordinate(rsml, xml, "y", y)));
                }
            } else if (point != null && (name.equals("x") || name.equals("y"))) {
                String value = xml.getElementText(); // consumes the end tag too
                path.pop();
                if (name.equals("x")) {
                    point.x = value;
                } else {
                    point.y = value;
                }
            }
        }

        private void end() {
            String name = path.pop();
            if (name.equals("point") && point != null) {
                point.target.add(new Point(coordinate(rsml, xml, "x", point.x), coordinate(rsml, xml, "y", point.y)));
                point = null;
            } else if (name.equals("root")) {
                RootGeometry root = open.pop();
                if (root.points().isEmpty()) {
                    throw bad(rsml, root.line, root.describe()
                            + " has no geometry points (no polyline or rootnavspline points)");
                }
            }
        }
    }

    private static final class RootGeometry {
        final String id;
        final int line;
        final List<Point> polyline = new ArrayList<>();
        final List<Point> spline = new ArrayList<>();

        RootGeometry(String id, int line) {
            this.id = id;
            this.line = line;
        }

        /** The polyline, or RootNav's spline control points when the root has no polyline. */
        List<Point> points() {
            return polyline.isEmpty() ? spline : polyline;
        }

        String describe() {
            return id == null || id.isBlank() ? "root" : "root id=\"" + id + "\"";
        }
    }

    /** A point written as {@code <point><x>..</x><y>..</y></point>}. */
    private static final class PointReader {
        final List<Point> target;
        String x;
        String y;

        PointReader(List<Point> target) {
            this.target = target;
        }
    }
}
