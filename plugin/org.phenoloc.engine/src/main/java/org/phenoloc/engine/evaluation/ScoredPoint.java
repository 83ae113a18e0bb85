package org.phenoloc.engine.evaluation;

import org.phenoloc.engine.annotations.Point;

/** A detected point with the detector's confidence (e.g. the peak network output of a blob). */
public record ScoredPoint(Point point, double score) {}
