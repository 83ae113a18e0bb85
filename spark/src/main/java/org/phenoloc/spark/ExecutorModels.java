package org.phenoloc.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.phenoloc.engine.localisation.Localiser;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;

/**
 * The model on an executor: loaded once per JVM from the broadcast bytes (the first task that needs it loads it, the
 * others wait), and one {@link Localiser} per concurrently running task (a localiser keeps its scan buffers and is not
 * thread safe), reused by later tasks. Keyed by the model's SHA-256, so jobs with different models in one JVM (tests,
 * notebooks) do not mix.
 */
final class ExecutorModels {
    private static final Map<String, PhenolocModel> MODELS = new ConcurrentHashMap<>();
    private static final Map<Key, Queue<Localiser>> FREE = new ConcurrentHashMap<>();

    private record Key(String sha256, LocaliserConfig config) {}

    private ExecutorModels() {}

    static PhenolocModel model(String sha256, byte[] bytes) {
        return MODELS.computeIfAbsent(sha256, k -> {
            try {
                return ModelFiles.read(new ByteArrayInputStream(bytes), Path.of("model-" + k.substring(0, 12)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A localiser for this task alone; give it back with {@link #giveBack}. */
    static Localiser borrow(String sha256, byte[] bytes, LocaliserConfig config) {
        Localiser l = FREE.computeIfAbsent(new Key(sha256, config), k -> new ConcurrentLinkedQueue<>()).poll();
        if (l != null) {
            return l;
        }
        PhenolocModel m = model(sha256, bytes);
        synchronized (m.network()) { // building copies the shared network's weights
            return new Localiser(m, config);
        }
    }

    static void giveBack(String sha256, LocaliserConfig config, Localiser l) {
        FREE.get(new Key(sha256, config)).add(l);
    }
}
