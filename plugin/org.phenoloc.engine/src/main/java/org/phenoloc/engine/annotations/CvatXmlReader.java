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
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.phenoloc.engine.io.BadInputException;

/**
 * Reads "CVAT for images 1.1" XML: {@code <annotations><image name= width= height=><points label=
 * points="x1,y1;x2,y2"/>...</image></annotations>}. Points of skeletons ({@code <skeleton><points .../>}) count
 * too, except those marked {@code outside="1"} (not placed). Other shapes (box, polygon, polyline, ...) and
 * video tracks are skipped and counted in a warning. DTDs and external entities are refused (XXE-safe).
 */
public final class CvatXmlReader {
    private CvatXmlReader() {}

    /** @throws BadInputException for unreadable or malformed XML, or an image or points element with bad values */
    public static PointFile read(Path xml) {
        List<PointFile.ImagePoints> images = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Deque<String> path = new ArrayDeque<>(); // open elements, innermost first
        try (InputStream in = open(xml)) {
            XMLStreamReader r = RsmlReader.newReader(in);
            try {
                String image = null;
                int width = 0;
                int height = 0;
                List<PointFile.LabelledPoint> points = new ArrayList<>();
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        String parent = path.peek();
                        if (path.isEmpty() && !name.equals("annotations")) {
                            throw bad(xml, r, "not a CVAT XML file (top element <" + name
                                    + ">, expected <annotations>)");
                        }
                        path.push(name);
                        if (name.equals("image") && "annotations".equals(parent)) {
                            image = required(xml, r, "name");
                            width = size(xml, r, "width");
                            height = size(xml, r, "height");
                            points = new ArrayList<>();
                        } else if (name.equals("points") && image != null
                                && ("image".equals(parent) || "skeleton".equals(parent))) {
                            if (!"1".equals(r.getAttributeValue(null, "outside"))) {
                                parsePoints(xml, r, required(xml, r, "label"), points);
                            }
                        } else if (("image".equals(parent) && !name.equals("skeleton"))
                                || ("annotations".equals(parent) && name.equals("track"))) {
                            skipped.merge(name, 1, Integer::sum);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (path.pop().equals("image") && "annotations".equals(path.peek())) {
                            images.add(new PointFile.ImagePoints(image, width, height, points));
                            image = null;
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw RsmlReader.malformed(xml, e);
        } catch (IOException e) {
            throw new BadInputException(xml, "cannot read file: " + e.getMessage(), e);
        }
        List<String> warnings = skipped.isEmpty() ? List.of() : List.of(xml + ": skipped "
                + skipped.values().stream().mapToInt(Integer::intValue).sum() + " non-point element(s) " + skipped
                + "; only <points> of images are used");
        return new PointFile(xml, images, warnings);
    }

    /** Whether the file is XML whose top element is {@code <annotations>}; never throws. */
    public static boolean isCvat(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = RsmlReader.newReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        return r.getLocalName().equals("annotations");
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** {@code points="x1,y1;x2,y2"}: one shape may hold several points of the same label. */
    private static void parsePoints(Path xml, XMLStreamReader r, String label, List<PointFile.LabelledPoint> out) {
        String text = required(xml, r, "points");
        for (String pair : text.split(";")) {
            String[] xy = pair.split(",");
            if (xy.length != 2) {
                throw bad(xml, r, "points label=\"" + label + "\": expected \"x,y;x,y...\", found \"" + text + "\"");
            }
            out.add(new PointFile.LabelledPoint(label, number(xml, r, label, xy[0]), number(xml, r, label, xy[1])));
        }
    }

    private static double number(Path xml, XMLStreamReader r, String label, String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(xml, r, "points label=\"" + label + "\": '" + s.trim() + "' is not a number");
    }

    private static String required(Path xml, XMLStreamReader r, String attribute) {
        String v = r.getAttributeValue(null, attribute);
        if (v == null || v.isBlank()) {
            throw bad(xml, r, "<" + r.getLocalName() + "> has no " + attribute + "=\"...\"");
        }
        return v;
    }

    /** An optional size attribute; 0 when absent. */
    private static int size(Path xml, XMLStreamReader r, String attribute) {
        String v = r.getAttributeValue(null, attribute);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(xml, r, "<image> " + attribute + "=\"" + v + "\" is not a whole number of pixels");
    }

    private static InputStream open(Path xml) throws IOException {
        if (Files.isDirectory(xml)) {
            throw new BadInputException(xml, "not a file");
        }
        try {
            return Files.newInputStream(xml);
        } catch (NoSuchFileException e) {
            throw new BadInputException(xml, "file not found", e);
        }
    }

    private static BadInputException bad(Path xml, XMLStreamReader r, String problem) {
        int line = r.getLocation().getLineNumber();
        return new BadInputException(xml, (line > 0 ? "line " + line + ": " : "") + problem);
    }
}
