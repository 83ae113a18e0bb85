package org.phenoloc.engine;

/** Version and identity of the engine. */
public final class Phenoloc {
    public static final String VERSION = "0.1.0";
    private Phenoloc() {}
}
