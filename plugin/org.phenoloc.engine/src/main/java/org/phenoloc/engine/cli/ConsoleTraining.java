package org.phenoloc.engine.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.phenoloc.engine.training.EpochStats;
import org.phenoloc.engine.training.TrainingListener;

/** Prints training progress: a batch line every few seconds and one line per epoch. */
final class ConsoleTraining implements TrainingListener {
    private final PrintStream out;
    private long last = System.nanoTime();

    ConsoleTraining(PrintStream out) {
        this.out = out;
        Cancellation.install();
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
        out.printf(Locale.ROOT, "epoch %3d  lr %.4f  loss %.4f  train acc %.4f  test acc %.4f  %.1fs%s%n", s.epoch(),
                s.learningRate(), s.meanLoss(), s.trainAccuracy(), s.testAccuracy(), s.seconds(), s.best() ? "  *best" : "");
    }

    @Override
    public boolean isCancelled() {
        return Cancellation.cancelled();
    }
}
