package org.phenoloc.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;

/**
 * Saves a freshly trained model so that it is never lost: if the requested file cannot be written (the location
 * was checked before training, but disks fill up and folders vanish), the model is saved next to it, else in the
 * temp folder, and the error says where.
 */
final class ModelSaving {
    private ModelSaving() {}

    /**
     * @throws BadInputException if {@code target} could not be written; its message names the cause and the
     *                           file the model was saved to instead
     */
    static void save(PhenolocModel model, Path target) {
        IOException failure;
        try {
            ModelFiles.save(model, target);
            return;
        } catch (IOException e) {
            failure = e;
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        }
        String why = failure.getMessage();
        for (Path fallback : fallbacks(target)) {
            try {
                ModelFiles.save(model, fallback);
                throw new BadInputException(target, "cannot write the model (" + why + "); the trained model was saved to "
                        + fallback + " instead");
            } catch (IOException | UncheckedIOException e) {
                // try the next place
            }
        }
        throw new BadInputException(target, "cannot write the model (" + why + ") and could not save it next to it or"
                + " in the temp folder either; the trained model is lost");
    }

    /** Next to the requested file (if its folder exists), then the temp folder; names never clash. */
    static List<Path> fallbacks(Path target) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String name = target.getFileName().toString().replaceFirst("\\.phenoloc$", "") + "-rescued-" + stamp + "-"
                + ProcessHandle.current().pid() + ".phenoloc";
        List<Path> places = new ArrayList<>();
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            places.add(parent.resolve(name));
        }
        places.add(Path.of(System.getProperty("java.io.tmpdir")).resolve(name));
        return places;
    }
}
