package org.phenoloc.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What scanning one image gave: its detection and count rows exactly as the command line writes them (text), or
 * the problem that made it unreadable (then the rows are empty); {@code grey} when it is a greyscale image scanned by
 * a colour model ({@code Localiser.greyForColourModel}), which the job warns about.
 */
public record ImageOutcome(ImageTask task, List<String[]> detections, List<String[]> counts, String problem,
        boolean grey) implements Serializable {
    public ImageOutcome {
        detections = List.copyOf(detections);
        counts = List.copyOf(counts);
    }

    public boolean skipped() {
        return problem != null;
    }
}
