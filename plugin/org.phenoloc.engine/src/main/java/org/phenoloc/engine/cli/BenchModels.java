package org.phenoloc.engine.cli;

import java.nio.file.Path;
import java.util.Map;

import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;

/** Models for timing: the scan's cost depends on the architecture, not on the weights. */
public final class BenchModels {
    private BenchModels() {}

    /** An untrained root net at the default width (0.5), saved to {@code file}. */
    public static Path untrained(Path file) throws Exception {
        Architecture a = Architecture.paperRoot(3).scaled(0.5);
        var net = NetworkFactory.build(a, new StepSchedule(ScheduleType.EPOCH, 0.01, 0.1, 1), 0.9, 0, 7);
        ModelFiles.save(new PhenolocModel(net, new ModelMetadata("roots", Task.ROOTS.classes(), a, Task.ROOTS.recipe(),
                1.0, Task.ROOTS.defaultThresholds(), Map.of("note", "untrained, for timing only"))), file);
        return file;
    }
}
