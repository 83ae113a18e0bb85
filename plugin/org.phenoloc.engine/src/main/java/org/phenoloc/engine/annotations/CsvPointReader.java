package org.phenoloc.engine.annotations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.phenoloc.engine.io.BadInputException;

/**
 * Reads point annotations from a plain CSV file with a header row {@code image,class,x,y} (header names in any
 * letter case, any column order; extra columns ignored; a UTF-8 byte order mark is allowed). One row is one
 * point feature in image pixels.
 */
public final class CsvPointReader {
    /** The required columns. */
    public static final List<String> COLUMNS = List.of("image", "class", "x", "y");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setAllowMissingColumnNames(true) // a trailing comma in the header must not break the file
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();

    private CsvPointReader() {}

    /**
     * Reads all points, keyed by the image name as written in the file, in file order.
     *
     * @throws BadInputException if the file cannot be read, lacks a column, or a row has a missing, non-numeric,
     *                           non-finite or negative value (the message gives the line number)
     */
    public static Map<String, List<Feature>> read(Path csv) {
        String text = readText(csv);
        Map<String, List<Feature>> points = new LinkedHashMap<>();
        LineCounter lines = new LineCounter(text);
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            List<String> missing = missingColumns(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new BadInputException(csv, "missing column(s) " + String.join(", ", missing)
                        + " in the header; expected " + String.join(",", COLUMNS) + ", found "
                        + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord row : parser) {
                int line = lines.lineAt(row.getCharacterPosition());
                String image = value(csv, line, row, "image");
                String className = value(csv, line, row, "class");
                double x = coordinate(csv, line, row, "x");
                double y = coordinate(csv, line, row, "y");
                points.computeIfAbsent(image, k -> new ArrayList<>()).add(new Feature(className, x, y));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports e.g. an unclosed quote this way
            throw new BadInputException(csv, "malformed CSV: " + e.getMessage(), e);
        }
        points.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(points);
    }

    /** Whether {@code file} is readable text whose header has all of {@link #COLUMNS}; never throws. */
    public static boolean hasPointHeader(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String first = in.readLine();
            if (first == null) {
                return false;
            }
            try (CSVParser parser = FORMAT.parse(new StringReader(stripBom(first)))) {
                return missingColumns(parser.getHeaderNames()).isEmpty();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Why {@code file} is not a point CSV, in words: "missing column(s) class, x in the header image,cls,x1,y"
     * (or that it cannot be read); never throws.
     */
    public static String headerProblem(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String first = in.readLine();
            if (first == null) {
                return "empty file";
            }
            try (CSVParser parser = FORMAT.parse(new StringReader(stripBom(first)))) {
                return "missing column(s) " + String.join(", ", missingColumns(parser.getHeaderNames()))
                        + " in the header '" + stripBom(first).strip() + "' (expected " + String.join(",", COLUMNS) + ")";
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private static List<String> missingColumns(List<String> header) {
        List<String> lower = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return COLUMNS.stream().filter(c -> !lower.contains(c)).toList();
    }

    private static String readText(Path csv) {
        if (Files.isDirectory(csv)) {
            throw new BadInputException(csv, "not a file");
        }
        try {
            String text = stripBom(Files.readString(csv));
            if (text.isBlank()) {
                throw new BadInputException(csv, "empty file; expected a header " + String.join(",", COLUMNS));
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new BadInputException(csv, "file not found", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(csv, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read file: " + e.getMessage(), e);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String value(Path csv, int line, CSVRecord row, String column) {
        String v = row.isSet(column) ? row.get(column) : null;
        if (v == null || v.isEmpty()) {
            throw new BadInputException(csv, "line " + line + ": missing value in column '" + column + "'");
        }
        return v;
    }

    private static double coordinate(Path csv, int line, CSVRecord row, String column) {
        String v = value(csv, line, row, column);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInputException(csv, "line " + line + ": " + column + " = '" + v + "' is not a number");
        }
        if (!Double.isFinite(d) || d < 0) {
            throw new BadInputException(csv, "line " + line + ": " + column + " = '" + v
                    + "' must be a finite pixel coordinate >= 0");
        }
        return d;
    }

    /** Maps character offsets to 1-based line numbers (records may span lines, so record numbers won't do). */
    private static final class LineCounter {
        private final String text;
        private int offset;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        /** Offsets must not decrease between calls. */
        int lineAt(long position) {
            // a record's position is before the empty lines the parser skipped, so skip them too
            for (; offset < text.length() && (offset < position || isLineBreak(text.charAt(offset))); offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private static boolean isLineBreak(char c) {
            return c == '\n' || c == '\r';
        }
    }
}
