package org.phenoloc.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.io.BadInputException;

/** Checks the commands share, run before long work. */
final class CommandChecks {
    private CommandChecks() {}

    /** The model file exists (loading it costs seconds, so check before preparing outputs). */
    static void modelFile(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new BadInputException(model, Files.isDirectory(model) ? "is a folder, not a model file" : "model file not found");
        }
    }

    /** Engine messages about an image held in memory name it "image"; name the file instead. */
    static BadInputException naming(BadInputException e, Path file) {
        if (e.file() == null || e.file().toString().equals("image")) {
            return new BadInputException(file, e.getMessage().replaceFirst("^image: ", ""), e);
        }
        return e;
    }

    /**
     * Evaluation data must hold a class the model knows, or every figure would be made of negatives alone (a roots
     * model on shoot data would score 100%).
     */
    static void knownClasses(Path data, List<AnnotatedImage> images, Collection<String> modelClasses) {
        Set<String> found = new TreeSet<>();
        for (AnnotatedImage a : images) {
            for (Feature f : a.features()) {
                found.add(f.className());
            }
        }
        if (found.stream().noneMatch(modelClasses::contains)) {
            throw new BadInputException(data, "no annotated point of a class the model knows (model: " + modelClasses
                    + "; found: " + (found.isEmpty() ? "none" : found) + "); was the model trained for another task?");
        }
    }
}
