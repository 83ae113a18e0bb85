package org.phenoloc.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.OutputChecks;
import org.phenoloc.engine.training.CheckpointFile;
import org.phenoloc.engine.training.TrainingJob;
import org.phenoloc.engine.training.TrainingMethod;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a detector on a folder of images with annotations beside them (X.jpg + X.rsml, or a points CSV image,class,x,y).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "roots", description = "roots (default) or shoots")
    String task;

    @Option(names = "--data", required = true, description = "folder of annotated images")
    Path data;

    @Option(names = "--model", required = true, description = "model file to write")
    Path model;

    @Option(names = "--resume", description = "continue a stopped training (Ctrl-C, a killed process) from the"
            + " checkpoint dense training keeps beside the model after every epoch (MODEL.checkpoint); same data and"
            + " settings as the stopped run; without a checkpoint, a plain run")
    boolean resume;

    @Mixin
    TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        Task t = Task.parse(task);
        options.settings(t); // settings errors before anything is read
        OutputChecks.checkFile(model); // before training: a finished model must never be lost to an unwritable path
        try (OutputLock lock = OutputLock.acquireModel(model)) { // one training per model and checkpoint
            return train(t);
        }
    }

    private int train(Task t) throws IOException {
        Path checkpoint = checkpointToUse();
        var images = t.load(data, null, w -> System.out.println("warning: " + w));
        TrainingJob.Settings settings = options.settings(t, images, System.out::println);
        if (resume && settings.method() != TrainingMethod.DENSE) {
            throw new BadInputException("--resume continues dense training (the default method); the paper's recipe"
                    + " (--method patches) keeps no checkpoints");
        }
        System.out.println("training a " + t.id() + " model on " + data + " (" + settings.training() + ")");
        Path kept = settings.method() == TrainingMethod.DENSE ? checkpoint : null; // patches keep none
        var outcome = TrainingJob.run(images, data.toString(), settings, new ConsoleTraining(System.out, kept),
                System.out::println, kept);
        ModelSaving.save(outcome.model(), model);
        try {
            Files.deleteIfExists(checkpoint); // the model holds it all now
        } catch (IOException e) {
            System.out.println("warning: the checkpoint " + checkpoint + " could not be removed (" + e.getMessage()
                    + "); delete it before training this model again");
        }
        System.out.println(ConsoleTraining.summary(outcome.provenance()) + "; model written to " + model);
        return 0;
    }

    /**
     * The checkpoint beside the model. One left by a stopped training is never replaced silently: without
     * {@code --resume} the command stops and says how far that training got.
     */
    private Path checkpointToUse() {
        Path checkpoint = CheckpointFile.beside(model);
        if (Files.exists(checkpoint)) {
            CheckpointFile.Summary kept = CheckpointFile.summary(checkpoint); // an unreadable one is named here
            if (!resume) {
                throw new BadInputException(checkpoint, "a stopped training of " + model + " (epoch " + kept.epoch()
                        + " of " + kept.epochs() + " done) is kept here: add --resume to continue it, or delete the file"
                        + " to start afresh");
            }
            Cancellation.kept(ConsoleTraining.kept(checkpoint, kept.epoch()));
        } else if (resume) {
            System.out.println("no checkpoint at " + checkpoint + ": a new training");
        }
        return checkpoint;
    }
}
