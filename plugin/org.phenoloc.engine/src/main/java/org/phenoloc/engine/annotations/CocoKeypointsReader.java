package org.phenoloc.engine.annotations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phenoloc.engine.io.BadInputException;

/**
 * Reads COCO keypoints JSON ({@code images[{id, file_name, width, height}]},
 * {@code annotations[{image_id, category_id, keypoints: [x, y, v, ...]}]},
 * {@code categories[{id, name, keypoints: [names]}]}), as CVAT, Label Studio, Roboflow and others export it.
 *
 * <p>Each keypoint with visibility v &gt; 0 (labelled) is one point, labelled with its keypoint name; a category
 * with a single keypoint (or none listed) labels its points with the category name, since tools name such a
 * category after the feature ("leaf_tip") and its one keypoint arbitrarily ("1", "point").
 */
public final class CocoKeypointsReader {
    private CocoKeypointsReader() {}

    /**
     * @throws BadInputException for unreadable or malformed JSON, missing fields, an annotation whose image id or
     *                           category id is not listed, or a keypoints array not matching its category
     */
    public static PointFile read(Path json) {
        return read(json, JsonFiles.object(json, JsonFiles.read(json), "top level"));
    }

    /** Whether a parsed JSON document looks like COCO (has images and annotations arrays). */
    static boolean isCoco(JsonElement root) {
        return root.isJsonObject() && root.getAsJsonObject().has("images")
                && root.getAsJsonObject().has("annotations");
    }

    static PointFile read(Path json, JsonObject root) {
        Map<Long, String> imageNames = new LinkedHashMap<>();
        Map<Long, int[]> sizes = new LinkedHashMap<>();
        Map<Long, List<PointFile.LabelledPoint>> points = new LinkedHashMap<>();
        for (JsonElement e : JsonFiles.array(json, root.get("images"), "images")) {
            JsonObject image = JsonFiles.object(json, e, "images[]");
            long id = id(json, image.get("id"), "images[].id");
            String what = "image id " + id;
            String name = JsonFiles.string(json, image.get("file_name"), what + ": file_name");
            if (imageNames.put(id, name) != null) {
                throw new BadInputException(json, "image id " + id + " is listed twice");
            }
            sizes.put(id, new int[] {JsonFiles.size(json, image.get("width"), what + ": width"),
                    JsonFiles.size(json, image.get("height"), what + ": height")});
            points.put(id, new ArrayList<>());
        }
        Map<Long, List<String>> labels = categories(json, root.get("categories"));

        JsonArray annotations = JsonFiles.array(json, root.get("annotations"), "annotations");
        for (int i = 0; i < annotations.size(); i++) {
            JsonObject a = JsonFiles.object(json, annotations.get(i), "annotations[" + i + "]");
            String what = "annotation" + (a.has("id") ? " id " + a.get("id") : "s[" + i + "]");
            long imageId = id(json, a.get("image_id"), what + ": image_id");
            if (!points.containsKey(imageId)) {
                throw new BadInputException(json, what + ": image_id " + imageId + " matches no image in 'images'"
                        + " (ids " + abbreviate(imageNames.keySet()) + ")");
            }
            if (!a.has("keypoints")) {
                continue; // a plain box or segment annotation: no points
            }
            long categoryId = id(json, a.get("category_id"), what + ": category_id");
            List<String> names = labels.get(categoryId);
            if (names == null) {
                throw new BadInputException(json, what + ": category_id " + categoryId
                        + " matches no category in 'categories'");
            }
            JsonArray kp = JsonFiles.array(json, a.get("keypoints"), what + ": keypoints");
            if (kp.size() % 3 != 0 || (names.size() > 1 && kp.size() != 3 * names.size())) {
                throw new BadInputException(json, what + ": keypoints has " + kp.size() + " numbers; expected"
                        + " x,y,v for each of the category's " + names.size() + " keypoints " + names);
            }
            for (int k = 0; k < kp.size(); k += 3) {
                double v = JsonFiles.number(json, kp.get(k + 2), what + ": keypoint " + (k / 3) + " v");
                if (v > 0) { // v = 0: not labelled (x = y = 0 by convention)
                    String label = names.size() > 1 ? names.get(k / 3) : names.get(0);
                    points.get(imageId).add(new PointFile.LabelledPoint(label,
                            JsonFiles.number(json, kp.get(k), what + ": keypoint " + (k / 3) + " x"),
                            JsonFiles.number(json, kp.get(k + 1), what + ": keypoint " + (k / 3) + " y")));
                }
            }
        }
        List<PointFile.ImagePoints> images = new ArrayList<>();
        for (Map.Entry<Long, String> e : imageNames.entrySet()) {
            int[] size = sizes.get(e.getKey());
            images.add(new PointFile.ImagePoints(e.getValue(), size[0], size[1], points.get(e.getKey())));
        }
        return new PointFile(json, images, List.of());
    }

    /** Category id → point labels: its keypoint names, or its own name when it has at most one keypoint. */
    private static Map<Long, List<String>> categories(Path json, JsonElement categories) {
        Map<Long, List<String>> labels = new LinkedHashMap<>();
        for (JsonElement e : JsonFiles.array(json, categories, "categories")) {
            JsonObject c = JsonFiles.object(json, e, "categories[]");
            long id = id(json, c.get("id"), "categories[].id");
            String name = JsonFiles.string(json, c.get("name"), "category id " + id + ": name");
            List<String> names = new ArrayList<>();
            if (c.has("keypoints") && !c.get("keypoints").isJsonNull()) {
                for (JsonElement k : JsonFiles.array(json, c.get("keypoints"), "category " + name + ": keypoints")) {
                    names.add(JsonFiles.string(json, k, "category " + name + ": keypoint name"));
                }
            }
            labels.put(id, names.size() > 1 ? List.copyOf(names) : List.of(name));
        }
        return labels;
    }

    private static long id(Path json, JsonElement e, String what) {
        double d = JsonFiles.number(json, e, what);
        if (d != Math.rint(d)) {
            throw new BadInputException(json, what + ": expected a whole-number id, found " + e);
        }
        return (long) d;
    }

    private static String abbreviate(Collection<Long> ids) {
        List<Long> list = new ArrayList<>(ids);
        return list.size() <= 10 ? list.toString() : list.subList(0, 10) + " and " + (list.size() - 10) + " more";
    }
}
