package org.phenoloc.engine.report;

import java.util.ArrayList;
import java.util.List;

import org.phenoloc.engine.evaluation.TipPlacement;

/**
 * The report section that splits the annotated tips by where they lie against the other annotated roots (see
 * {@link TipPlacement}) and gives each method's recall in each group, with the F1 a method could reach while
 * finding no tip that lies on another root.
 */
public final class TipPlacementSection {
    private TipPlacementSection() {}

    /**
     * Appends the section for methods {@code names} with one tally each (same images, same radius); nothing when the
     * annotations have no lines (points-only formats) or no tips.
     */
    public static void write(Markdown md, double radius, List<String> names,
            List<TipPlacement.Tally> tallies) {
        if (names.size() != tallies.size()) {
            throw new IllegalArgumentException(names.size() + " methods but " + tallies.size() + " tallies");
        }
        if (tallies.isEmpty() || !tallies.get(0).anyLines() || tallies.get(0).tips() == 0) {
            return;
        }
        md.heading(2, "Where the tips lie: on, beside or clear of other roots");
        md.paragraph(Markdown.f("Each annotated tip by the distance from it to the nearest other annotated root line "
                + "(the annotations' centre lines; the tip's own root not counted): within %.0f px (half the matching "
                + "radius) it lies on another root, which in the image usually runs on through it (overlapping roots, "
                + "a lateral ending inside a bundle), so that no end is visible there; within %.0f px beside another root; "
                + "farther clear of other roots. Found: matched one-to-one within %.0f px at each method's operating "
                + "point.", radius / 2, radius, radius));
        List<String> header = new ArrayList<>(List.of("where the tip lies", "tips"));
        names.forEach(n -> header.add("found: " + n));
        List<List<String>> rows = new ArrayList<>();
        TipPlacement.Tally first = tallies.get(0);
        for (TipPlacement p : TipPlacement.values()) {
            List<String> row = new ArrayList<>(List.of(label(p, radius), Integer.toString(first.tips(p))));
            tallies.forEach(t -> row.add(found(t.found(p), t.tips(p))));
            rows.add(row);
        }
        List<String> all = new ArrayList<>(List.of("all", Integer.toString(first.tips())));
        tallies.forEach(t -> all.add(found(t.found(), t.tips())));
        rows.add(all);
        md.table(header, rows);
        md.paragraph(Markdown.f("%d of the %d tips (%.0f%%) lie on another root. A method that found every other tip "
                + "and made no false detection would score F1 %.3f on these annotations: the most a method can reach "
                + "that finds only visible ends.", first.tips(TipPlacement.ON_ANOTHER_ROOT), first.tips(),
                100.0 * first.tips(TipPlacement.ON_ANOTHER_ROOT) / first.tips(), first.f1FindingNoneOnAnotherRoot()));
    }

    private static String label(TipPlacement p, double radius) {
        return switch (p) {
            case ON_ANOTHER_ROOT -> Markdown.f("%s (<= %.0f px)", p.label(), radius / 2);
            case BESIDE_ANOTHER_ROOT -> Markdown.f("%s (%.0f-%.0f px)", p.label(), radius / 2, radius);
            case CLEAR -> Markdown.f("%s (> %.0f px)", p.label(), radius);
        };
    }

    private static String found(int found, int tips) {
        return tips == 0 ? "0" : Markdown.f("%d (%.0f%%)", found, 100.0 * found / tips);
    }
}
