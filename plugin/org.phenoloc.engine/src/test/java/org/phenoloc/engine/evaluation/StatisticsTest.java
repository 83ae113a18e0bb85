package org.phenoloc.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void oddCountGivesTheMiddleValue() {
        assertEquals(3.0, Statistics.median(new double[] {5, 1, 3}));
        assertEquals(3.0, Statistics.upperMedian(new double[] {5, 1, 3}));
        assertEquals(7.0, Statistics.median(new double[] {7}));
        assertEquals(7.0, Statistics.upperMedian(new double[] {7}));
    }

    @Test
    void evenCountAveragesTheMiddleValuesOrTakesTheUpperOne() {
        assertEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}));
        assertEquals(3.0, Statistics.upperMedian(new double[] {4, 1, 3, 2}));
        assertEquals(1.5, Statistics.median(new double[] {2, 1}));
        assertEquals(2.0, Statistics.upperMedian(new double[] {2, 1}));
    }

    @Test
    void leavesItsArgumentUnchanged() {
        double[] values = {9, -2, 4, 0.5, 7, 3};
        double[] copy = values.clone();
        Statistics.median(values);
        Statistics.upperMedian(values);
        assertArrayEquals(copy, values);
    }

    @Test
    void noValuesGiveNaN() {
        assertEquals(Double.NaN, Statistics.median(new double[0]));
        assertEquals(Double.NaN, Statistics.upperMedian(new double[0]));
    }
}
