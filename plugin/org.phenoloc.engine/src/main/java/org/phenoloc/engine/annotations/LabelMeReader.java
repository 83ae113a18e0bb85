package org.phenoloc.engine.annotations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phenoloc.engine.io.BadInputException;

/**
 * Reads a LabelMe JSON file (one per image: {@code imagePath, imageWidth, imageHeight,
 * shapes[{label, points: [[x, y]], shape_type}]}). Shapes of type {@code point} give points; other shapes
 * (rectangles, polygons, lines; old files without {@code shape_type} hold polygons) are skipped and counted in a
 * warning, as a point model cannot use them.
 */
public final class LabelMeReader {
    private LabelMeReader() {}

    /** @throws BadInputException for unreadable or malformed JSON, a missing imagePath or a bad point */
    public static PointFile read(Path json) {
        return read(json, JsonFiles.object(json, JsonFiles.read(json), "top level"));
    }

    /** Whether a parsed JSON document looks like LabelMe (an object with a shapes array). */
    static boolean isLabelMe(JsonElement root) {
        return root.isJsonObject() && root.getAsJsonObject().has("shapes")
                && root.getAsJsonObject().get("shapes").isJsonArray();
    }

    static PointFile read(Path json, JsonObject root) {
        JsonElement pathElement = root.get("imagePath");
        String image = pathElement == null || pathElement.isJsonNull() ? ""
                : JsonFiles.string(json, pathElement, "imagePath").trim();
        if (image.isEmpty()) {
            throw new BadInputException(json, "no imagePath: cannot tell which image this LabelMe file annotates");
        }
        List<PointFile.LabelledPoint> points = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        JsonArray shapes = JsonFiles.array(json, root.get("shapes"), "shapes");
        for (int i = 0; i < shapes.size(); i++) {
            String what = "shapes[" + i + "]";
            JsonObject shape = JsonFiles.object(json, shapes.get(i), what);
            JsonElement typeElement = shape.get("shape_type");
            String type = typeElement == null || typeElement.isJsonNull() ? "polygon"
                    : JsonFiles.string(json, typeElement, what + ": shape_type");
            if (!type.equals("point")) {
                skipped.merge(type, 1, Integer::sum);
                continue;
            }
            String label = JsonFiles.string(json, shape.get("label"), what + ": label");
            JsonArray xy = JsonFiles.array(json, shape.get("points"), what + ": points");
            if (xy.size() != 1) {
                throw new BadInputException(json, what + " (point '" + label + "'): expected one [x, y], found "
                        + xy.size() + " points");
            }
            JsonArray p = JsonFiles.array(json, xy.get(0), what + ": points[0]");
            if (p.size() != 2) {
                throw new BadInputException(json, what + " (point '" + label + "'): expected [x, y], found " + p);
            }
            points.add(new PointFile.LabelledPoint(label, JsonFiles.number(json, p.get(0), what + ": x"),
                    JsonFiles.number(json, p.get(1), what + ": y")));
        }
        List<String> warnings = skipped.isEmpty() ? List.of() : List.of(json + ": skipped "
                + skipped.values().stream().mapToInt(Integer::intValue).sum() + " non-point shape(s) " + skipped
                + "; only shape_type \"point\" is used");
        PointFile.ImagePoints only = new PointFile.ImagePoints(image,
                JsonFiles.size(json, root.get("imageWidth"), "imageWidth"),
                JsonFiles.size(json, root.get("imageHeight"), "imageHeight"), points);
        return new PointFile(json, List.of(only), warnings);
    }
}
