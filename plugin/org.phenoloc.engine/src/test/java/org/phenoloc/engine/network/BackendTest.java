package org.phenoloc.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void describePrintsRealCoresAndThreads() {
        String d = Backend.describe();
        assertTrue(d.contains("cores " + Runtime.getRuntime().availableProcessors()), d);
        assertTrue(d.matches(".*omp threads [1-9][0-9]*$"), d);
    }

    @Test
    void cpuNamesTheProcessorAndTheVectorExtensionsThatPickTheKernels() {
        String info = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\n"
                + "flags\t\t: fpu sse2 avx avx2 avx512f avx512cd avx512_bf16 amx_bf16 amx_tile\n\n"
                + "processor\t: 1\nmodel name\t: Other\nflags\t\t: fpu\n";
        assertEquals("Intel(R) Xeon(R) Processor (avx2, avx512f, avx512_bf16, amx_tile)", Backend.cpu(info),
                "the first processor; only the listed extensions, in their order");
        assertEquals("AMD EPYC 7B13 (avx2)", Backend.cpu("model name : AMD EPYC 7B13\nflags : sse avx2 fma\n"));
        assertEquals(System.getProperty("os.arch"), Backend.cpu("nothing useful"), "no model name: the architecture");
        String here = Backend.cpu();
        assertFalse(here.isBlank(), "this machine's processor");
    }
}
