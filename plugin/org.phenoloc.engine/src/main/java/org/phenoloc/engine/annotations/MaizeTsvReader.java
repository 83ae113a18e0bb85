package org.phenoloc.engine.annotations;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.phenoloc.engine.io.BadInputException;

/**
 * Reads the tab-separated leaf-tip format of MaizeLeafCounting ({@code leaf_tips_train.tsv}): columns (index,
 * {@code fn}, {@code targets}), where {@code targets} is JSON {@code {"x": [...], "y": [...], "label": [...]}}.
 * Every point is a leaf tip; its label ({@code intact}, or {@code cut} for a damaged, truncated tip) is kept as
 * the point label so a class mapping can merge ({@code cut=leaf_tip}, the default), separate or drop
 * ({@code cut=-}) cut tips. Points without labels are labelled {@code leaf_tip}.
 */
public final class MaizeTsvReader {
    /** The required columns. */
    public static final List<String> COLUMNS = List.of("fn", "targets");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter('\t')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true) // the pandas index column has an empty name
            .setIgnoreEmptyLines(true)
            .build();

    private MaizeTsvReader() {}

    /** @throws BadInputException for an unreadable file, a missing column, or a row with bad targets */
    public static PointFile read(Path tsv) {
        String text = readText(tsv);
        Map<String, List<PointFile.LabelledPoint>> byImage = new LinkedHashMap<>(); // an image may span rows
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            if (!parser.getHeaderNames().containsAll(COLUMNS)) {
                throw new BadInputException(tsv, "expected tab-separated columns " + COLUMNS + ", found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                String image = row.isSet("fn") ? row.get("fn").trim() : "";
                if (image.isEmpty()) {
                    throw new BadInputException(tsv, "row " + row.getRecordNumber() + ": no image name in column fn");
                }
                String where = "row " + row.getRecordNumber() + " (" + image + "): "; // rows counted after the header
                String targets = row.isSet("targets") ? row.get("targets") : "";
                byImage.computeIfAbsent(image, k -> new ArrayList<>()).addAll(targets(tsv, where, targets));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(tsv, "malformed TSV: " + e.getMessage(), e);
        }
        List<PointFile.ImagePoints> images = new ArrayList<>();
        byImage.forEach((image, points) -> images.add(new PointFile.ImagePoints(image, 0, 0, points)));
        return new PointFile(tsv, images, List.of());
    }

    /** Whether the file's first line is a tab-separated header with columns fn and targets; never throws. */
    public static boolean hasHeader(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String first = in.readLine();
            return first != null && List.of(first.strip().split("\t")).containsAll(COLUMNS);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<PointFile.LabelledPoint> targets(Path tsv, String where, String json) {
        JsonObject t = JsonFiles.object(tsv, JsonFiles.parse(tsv, json, where), where + "targets");
        JsonArray xs = JsonFiles.array(tsv, t.get("x"), where + "targets.x");
        JsonArray ys = JsonFiles.array(tsv, t.get("y"), where + "targets.y");
        JsonArray labels = t.has("label") ? JsonFiles.array(tsv, t.get("label"), where + "targets.label") : null;
        if (ys.size() != xs.size() || (labels != null && labels.size() != xs.size())) {
            throw new BadInputException(tsv, where + "targets has " + xs.size() + " x, " + ys.size() + " y and "
                    + (labels == null ? "no" : labels.size()) + " labels; expected the same number of each");
        }
        List<PointFile.LabelledPoint> points = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            String label = labels == null ? "leaf_tip" : JsonFiles.string(tsv, labels.get(i), where + "label " + i);
            points.add(new PointFile.LabelledPoint(label, JsonFiles.number(tsv, xs.get(i), where + "x " + i),
                    JsonFiles.number(tsv, ys.get(i), where + "y " + i)));
        }
        return points;
    }

    private static String readText(Path tsv) {
        if (Files.isDirectory(tsv)) {
            throw new BadInputException(tsv, "not a file");
        }
        try {
            String text = Files.readString(tsv);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new BadInputException(tsv, "file not found", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(tsv, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(tsv, "cannot read file: " + e.getMessage(), e);
        }
    }
}
