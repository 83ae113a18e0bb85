package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void describePrintsRealCoresAndThreads() {
        String d = Backend.describe();
        assertTrue(d.contains("cores " + Runtime.getRuntime().availableProcessors()), d);
        assertTrue(d.matches(".*omp threads [1-9][0-9]*$"), d);
    }
}
