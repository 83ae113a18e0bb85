package org.phenoloc.knime.util;

/** Column names the Phenoloc nodes write and, by default, read. */
public final class Columns {
    public static final String IMAGE = "image";
    public static final String IMAGE_NAME = "image_name";
    public static final String CLASS = "class";
    public static final String X = "x";
    public static final String Y = "y";
    public static final String ANNOTATION = "annotation";
    public static final String GEOMETRY = "root_geometry";
    public static final String PATCH = "patch";
    public static final String PARTITION = "partition";
    public static final String SCORE = "score";
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    private Columns() {
    }
}
