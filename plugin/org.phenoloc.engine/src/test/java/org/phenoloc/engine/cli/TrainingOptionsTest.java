package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.training.DenseTrainingConfig;

import picocli.CommandLine;

/** The command line's training options reach the dense configuration; left out, they take the engine's defaults. */
class TrainingOptionsTest {

    private static DenseTrainingConfig dense(Task task, String... args) {
        TrainingOptions o = new TrainingOptions();
        new CommandLine(o).parseArgs(args);
        return o.settings(task).dense();
    }

    @Test
    void radiiDefaultToTheEngineAndCanBeSet() {
        assertEquals(0.2, DenseTrainingConfig.defaults().ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().ignoreRadius(), dense(Task.ROOTS).ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().ignoreRadius(), dense(Task.SHOOTS).ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().positiveRadius(), dense(Task.ROOTS).positiveRadius());
        DenseTrainingConfig set = dense(Task.SHOOTS, "--ignore-radius", "0.75", "--positive-radius", "0.2");
        assertEquals(0.75, set.ignoreRadius());
        assertEquals(0.2, set.positiveRadius());
    }

    @Test
    void anIgnoreRadiusInsideThePositiveOneIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> dense(Task.ROOTS, "--positive-radius", "0.4", "--ignore-radius", "0.3"));
        assertEquals(true, e.getMessage().contains("ignore radius"), e.getMessage());
    }
}
