package org.phenoloc.engine.localisation;

/** A located feature in original-image pixel coordinates, with the peak probability as score. */
public record Detection(String className, double x, double y, double score) {}
