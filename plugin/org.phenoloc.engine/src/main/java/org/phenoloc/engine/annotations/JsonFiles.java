package org.phenoloc.engine.annotations;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.phenoloc.engine.io.BadInputException;

/** Strict JSON reading for annotation files: every problem becomes a {@link BadInputException} naming the file. */
final class JsonFiles {
    private JsonFiles() {}

    static JsonElement read(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "not a file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "file not found", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read file: " + e.getMessage(), e);
        }
        return parse(file, text.startsWith("\uFEFF") ? text.substring(1) : text, "");
    }

    /**
     * Parses strictly: gson's JsonParser is always lenient (comments, unquoted names, single quotes), which would
     * let a damaged file through, so read through a strict JsonReader instead.
     *
     * @param where prefix for messages, e.g. "line 4: " for JSON inside a TSV cell
     */
    static JsonElement parse(Path file, String text, String where) {
        if (text.isBlank()) {
            throw new BadInputException(file, where + "empty JSON");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setLenient(false);
            JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected text after the JSON value");
            }
            return root;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            // gson reports truncation as EOFException and syntax errors as MalformedJsonException (IOExceptions)
            throw new BadInputException(file, where + "malformed JSON: " + e.getMessage(), e);
        }
    }

    static JsonObject object(Path file, JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw new BadInputException(file, what + ": expected a JSON object, found " + describe(e));
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(Path file, JsonElement e, String what) {
        if (e == null || !e.isJsonArray()) {
            throw new BadInputException(file, what + ": expected a JSON array, found " + describe(e));
        }
        return e.getAsJsonArray();
    }

    /** A finite number; numbers written as strings ("12.5") are accepted, some exporters write them. */
    static double number(Path file, JsonElement e, String what) {
        if (e != null && e.isJsonPrimitive()) {
            try {
                double d = e.getAsDouble();
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new BadInputException(file, what + ": expected a number, found " + describe(e));
    }

    static String string(Path file, JsonElement e, String what) {
        if (e != null && e.isJsonPrimitive()) {
            return e.getAsString();
        }
        throw new BadInputException(file, what + ": expected text, found " + describe(e));
    }

    /** An optional non-negative integer (image sizes), 0 when absent or null. */
    static int size(Path file, JsonElement e, String what) {
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        double d = number(file, e, what);
        if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new BadInputException(file, what + ": expected a whole number of pixels, found " + e);
        }
        return (int) d;
    }

    private static String describe(JsonElement e) {
        if (e == null) {
            return "nothing (missing)";
        }
        String s = e.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
