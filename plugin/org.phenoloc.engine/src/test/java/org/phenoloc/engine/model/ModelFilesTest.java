package org.phenoloc.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.NetworkFactory;

class ModelFilesTest {
    static PhenolocModel tinyModel() {
        Architecture a = Architecture.paperRoot(3).scaled(0.125);
        var net = NetworkFactory.build(a, new StepSchedule(ScheduleType.EPOCH, 0.1, 0.1, 1), 0.9, 0, 3);
        var meta = new ModelMetadata("roots", Task.ROOTS.classes(), a, Task.ROOTS.recipe(), 1.0,
                Task.ROOTS.defaultThresholds(), Map.of("seed", "3", "data", "unit test"));
        return new PhenolocModel(net, meta);
    }

    @Test
    void roundTripKeepsWeightsAndMetadata(@TempDir Path dir) throws Exception {
        PhenolocModel m = tinyModel();
        Path f = dir.resolve("m.phenoloc");
        ModelFiles.save(m, f);
        PhenolocModel back = ModelFiles.load(f);
        assertArrayEquals(m.network().params().toFloatVector(), back.network().params().toFloatVector());
        assertEquals(m.metadata().toJson(), back.metadata().toJson());
        assertEquals("unit test", back.metadata().provenance().get("data"));
        assertEquals(0.99, back.metadata().thresholds().get("root_tip"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp files left beside the model");
        }
    }

    @Test
    void corruptOrMissingFilesNameTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.phenoloc");
        Files.writeString(bad, "not a zip");
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFiles.load(bad));
        assertTrue(e.getMessage().contains("bad.phenoloc"), e.getMessage());
        BadInputException missing = assertThrows(BadInputException.class, () -> ModelFiles.load(dir.resolve("none.phenoloc")));
        assertTrue(missing.getMessage().contains("none.phenoloc") && missing.getMessage().contains("not found"));
    }
}
