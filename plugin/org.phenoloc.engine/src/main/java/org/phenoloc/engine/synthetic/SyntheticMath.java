package org.phenoloc.engine.synthetic;

/** Small numeric helpers shared by the synthetic image generators. */
final class SyntheticMath {
    private SyntheticMath() {}

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** {@code v} rounded to the nearest integer and clamped to a colour byte, 0-255. */
    static int byte8(double v) {
        return (int) clamp(Math.round(v), 0, 255);
    }

    /** {@code v} rounded to three decimals (coordinates written to annotation files). */
    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A seed for the random stream {@code stream} of an image drawn from {@code seed} (SplitMix64 finaliser). */
    static long streamSeed(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }
}
