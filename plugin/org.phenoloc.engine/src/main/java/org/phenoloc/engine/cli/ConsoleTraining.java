package org.phenoloc.engine.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.training.CheckpointFile;
import org.phenoloc.engine.training.EpochStats;
import org.phenoloc.engine.training.TrainingListener;

/** Prints training progress: a batch line every few seconds and one line per epoch. */
final class ConsoleTraining implements TrainingListener {
    private final PrintStream out;
    private final Path checkpoint;
    private long last = System.nanoTime();

    ConsoleTraining(PrintStream out) {
        this(out, null);
    }

    /** @param checkpoint where the training keeps its checkpoint (null: none), for the message of a cancelled run */
    ConsoleTraining(PrintStream out, Path checkpoint) {
        this.out = out;
        this.checkpoint = checkpoint;
        Cancellation.install();
    }

    /** What a cancelled run keeps once a checkpoint after {@code epoch} was written. */
    static String kept(Path checkpoint, int epoch) {
        return "the training up to epoch " + epoch + " in " + checkpoint
                + " (run the same command with --resume to continue it)";
    }

    @Override
    public void batchDone(int epoch, int batch, int batches, double loss, double progress) {
        long now = System.nanoTime();
        if (now - last > 5_000_000_000L) {
            out.printf(Locale.ROOT, "  epoch %d batch %d/%d loss %.4f (%.0f%% of budget)%n", epoch, batch, batches, loss,
                    100 * progress);
            last = now;
        }
    }

    @Override
    public void epochDone(EpochStats s) {
        if (checkpoint != null && Files.exists(checkpoint)) {
            try { // what is on disk, not what was meant to be: a checkpoint that could not be written is not claimed
                Cancellation.kept(kept(checkpoint, CheckpointFile.summary(checkpoint).epoch()));
            } catch (BadInputException e) {
                // not readable: nothing is claimed
            }
        }
        if (Double.isNaN(s.validationF1())) {
            out.printf(Locale.ROOT, "epoch %3d  lr %.4f  loss %.4f  train acc %.4f  test acc %.4f  %.1fs%s%n", s.epoch(),
                    s.learningRate(), s.meanLoss(), s.trainAccuracy(), s.testAccuracy(), s.seconds(), s.best() ? "  *best" : "");
        } else {
            out.printf(Locale.ROOT, "epoch %3d  lr %.5f  loss %.4f  validation F1 %.3f  %.1fs%s%n", s.epoch(),
                    s.learningRate(), s.meanLoss(), s.validationF1(), s.seconds(), s.best() ? "  *best" : "");
        }
    }

    @Override
    public void message(String text) {
        out.println(text);
    }

    /** One line on a finished training run. */
    static String summary(org.phenoloc.engine.model.TrainingProvenance p) {
        if (p.method().equals("dense")) {
            // with no held-out image the calibration used the training images: say so instead of a held-out figure
            return String.format(Locale.ROOT, "best epoch %d of %d, validation F1 %.3f (calibrated on %s), %.1f crops/s, %.0f s",
                    p.bestEpoch(), p.epochsRun(), p.validationF1(), p.calibratedOn(), p.samplesPerSecond(), p.seconds());
        }
        String accuracy = p.testImages().isEmpty() || p.testPatches() == 0
                ? "no held-out images (raise --test-fraction or add images to measure accuracy)"
                : String.format(Locale.ROOT, "held-out patch accuracy %.4f", p.testAccuracy());
        return String.format(Locale.ROOT, "best epoch %d of %d, %s, %.0f patches/s, %.0f s", p.bestEpoch(), p.epochsRun(),
                accuracy, p.samplesPerSecond(), p.seconds());
    }

    @Override
    public boolean isCancelled() {
        return Cancellation.cancelled();
    }
}
