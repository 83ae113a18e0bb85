package org.phenoloc.engine.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.phenoloc.engine.annotations.Point;

/**
 * RSML text for a synthetic image, laid out like RootNav's files: one plant (the seed) holding the primaries,
 * laterals nested inside their parent root, coordinates in pixels. No timestamp, so equal inputs give equal files.
 */
final class SyntheticRsml {
    private SyntheticRsml() {}

    static String toRsml(String fileKey, SyntheticRootImage synth) {
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < synth.roots().size(); i++) {
            children.add(new ArrayList<>());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsml>\n  <metadata>\n    <version>1</version>\n")
                .append("    <unit>pixel</unit>\n    <resolution>1</resolution>\n")
                .append("    <software>Phenoloc synthetic</software>\n")
                .append("    <file-key>").append(fileKey).append("</file-key>\n  </metadata>\n")
                .append("  <scene>\n    <plant ID=\"1\" label=\"synthetic\">\n");
        for (int i = 0; i < synth.roots().size(); i++) {
            int parent = synth.parents().get(i);
            if (parent >= 0) {
                children.get(parent).add(i);
            }
        }
        for (int i = 0; i < synth.roots().size(); i++) {
            if (synth.parents().get(i) < 0) {
                appendRoot(sb, synth, children, i, "      ");
            }
        }
        return sb.append("    </plant>\n  </scene>\n</rsml>\n").toString();
    }

    private static void appendRoot(StringBuilder sb, SyntheticRootImage synth, List<List<Integer>> children, int i,
            String indent) {
        sb.append(indent).append("<root ID=\"").append(i + 1).append("\" label=\"")
                .append(synth.parents().get(i) < 0 ? "primary" : "lateral").append("\">\n")
                .append(indent).append("  <geometry>\n").append(indent).append("    <polyline>\n");
        for (Point p : synth.roots().get(i)) {
            // Double.toString round-trips exactly; the generator rounded to 3 decimals so it stays short.
            sb.append(indent).append("      <point x=\"").append(p.x()).append("\" y=\"").append(p.y())
                    .append("\" />\n");
        }
        sb.append(indent).append("    </polyline>\n").append(indent).append("  </geometry>\n");
        for (int child : children.get(i)) {
            appendRoot(sb, synth, children, child, indent + "  ");
        }
        sb.append(indent).append("</root>\n");
    }
}
