package org.phenoloc.engine.localisation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.phenoloc.engine.model.PhenolocModel;

/**
 * One {@link Localiser} per worker, all built from one loaded model, for scanning images concurrently. A localiser
 * keeps its scanner's band buffers between images and a scan is not thread safe, so each concurrent scan borrows
 * its own. The dense scanner copies the network's weights when it is built, so the localisers share nothing
 * mutable; the naive reference scan calls the DL4J network itself ({@code output()} is not thread safe), so each of
 * its localisers gets its own copy of the network ({@code MultiLayerNetwork.clone()}). Memory per worker is one
 * localiser's band buffers (bounded as for a single scan) plus the images it holds.
 */
public final class LocaliserPool implements AutoCloseable {
    private final List<Localiser> all = new ArrayList<>();
    private final BlockingQueue<Localiser> free;

    public LocaliserPool(PhenolocModel model, LocaliserConfig config, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        free = new ArrayBlockingQueue<>(workers);
        try {
            // building reads the shared network's parameters (copied by the dense scanner, cloned for the naive one);
            // other pools may be built on the same model at the same time (two KNIME nodes on one model port)
            synchronized (model.network()) {
                for (int w = 0; w < workers; w++) {
                    PhenolocModel own = config.dense() ? model
                            : new PhenolocModel(model.network().clone(), model.metadata());
                    Localiser l = new Localiser(own, config);
                    all.add(l);
                    free.add(l);
                }
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public int size() {
        return all.size();
    }

    /** Any of the localisers (e.g. for its thresholds, which all share). */
    public Localiser first() {
        return all.get(0);
    }

    /** Waits for a free localiser; give it back with {@link #giveBack}. */
    public Localiser borrow() throws InterruptedException {
        return free.take();
    }

    public void giveBack(Localiser l) {
        free.add(l);
    }

    @Override
    public void close() {
        for (Localiser l : all) {
            l.close();
        }
    }
}
