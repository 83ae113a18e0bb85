package org.phenoloc.engine.annotations;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phenoloc.engine.io.BadInputException;

/**
 * Maps the class names annotation tools write ("Leaf Tip", "tip", "intact") to the task's class names
 * ({@code leaf_tip}). Immutable.
 *
 * <p>Names are compared after normalising: lower case, runs of anything but letters and digits become one
 * {@code _} ("Leaf-Tip", "leaf tip" and "LEAF_TIP" all read as {@code leaf_tip}). A class name that is itself a
 * target maps to itself. The target {@value #IGNORE} drops a class on purpose (unlike an unknown class, which is
 * reported).
 *
 * <p>A mapping file has one {@code source=target} per line ({@code source,target} or tab-separated also work;
 * {@code #} starts a comment line; a {@code source,target} header line is skipped). Its entries add to and
 * override the {@link #defaults()}.
 */
public final class ClassMapping {
    /** Target that drops a class deliberately. */
    public static final String IGNORE = "-";

    /** The task classes the defaults map to. */
    public static final List<String> DEFAULT_CLASSES = List.of("root_tip", "leaf_tip", "leaf_base", "ear_tip",
            "ear_base");

    private static final ClassMapping DEFAULTS = exactly(DEFAULT_CLASSES).with(Map.ofEntries(
            Map.entry("roottip", "root_tip"),
            Map.entry("leaftip", "leaf_tip"),
            Map.entry("tip", "leaf_tip"),
            // MaizeLeafCounting labels every leaf tip intact or cut (damaged); both are leaf tips
            Map.entry("intact", "leaf_tip"),
            Map.entry("cut", "leaf_tip"),
            Map.entry("leafbase", "leaf_base"),
            Map.entry("eartip", "ear_tip"),
            Map.entry("earbase", "ear_base"),
            // wheat ears are spikes
            Map.entry("spike_tip", "ear_tip"),
            Map.entry("spiketip", "ear_tip"),
            Map.entry("spike_base", "ear_base"),
            Map.entry("spikebase", "ear_base")));

    /** Normalised source → target (normalised, or IGNORE). */
    private final Map<String, String> map;

    private ClassMapping(Map<String, String> map) {
        this.map = Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** The built-in aliases for root tips, leaf tips/bases and ear tips/bases (see {@link #DEFAULT_CLASSES}). */
    public static ClassMapping defaults() {
        return DEFAULTS;
    }

    /** Only the given class names (each mapping to itself, after normalising); everything else is unknown. */
    public static ClassMapping exactly(Collection<String> classes) {
        ClassMapping m = new ClassMapping(Map.of());
        for (String c : classes) {
            m = m.with(c, c);
        }
        return m;
    }

    /**
     * The defaults plus (overridden by) the entries of a mapping file.
     *
     * @throws BadInputException if the file cannot be read or a line is not {@code source=target}
     */
    public static ClassMapping read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "class mapping file not found", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read class mapping: " + e.getMessage(), e);
        }
        ClassMapping m = defaults();
        String[] lines = text.replace("\uFEFF", "").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")
                    || line.replace(" ", "").equalsIgnoreCase("source,target")) {
                continue;
            }
            int at = separator(line);
            String source = at < 0 ? "" : unquote(line.substring(0, at));
            String target = at < 0 ? "" : unquote(line.substring(at + 1));
            if (normalise(source).isEmpty() || (!target.equals(IGNORE) && normalise(target).isEmpty())) {
                throw new BadInputException(file, "line " + (i + 1) + ": expected source=target (target "
                        + IGNORE + " drops the class), found '" + line + "'");
            }
            m = m.with(source, target);
        }
        return m;
    }

    /** A copy with one more (or a changed) entry. */
    public ClassMapping with(String source, String target) {
        return with(Map.of(source, target));
    }

    /** A copy with more (or changed) entries. */
    public ClassMapping with(Map<String, String> entries) {
        Map<String, String> copy = new TreeMap<>(map);
        entries.forEach((source, target) -> {
            String s = normalise(source);
            String t = IGNORE.equals(target.strip()) ? IGNORE : normalise(target);
            if (s.isEmpty() || t.isEmpty()) {
                throw new BadInputException("class mapping: empty class name in '" + source + "=" + target + "'");
            }
            copy.put(s, t);
        });
        return new ClassMapping(copy);
    }

    /**
     * Only the entries leading to these classes (plus each class to itself, and deliberate drops); a source
     * mapped elsewhere becomes unknown. Use it to hold a folder to the classes of the task being trained.
     */
    public ClassMapping restrictTo(Collection<String> classes) {
        Set<String> keep = new TreeSet<>();
        classes.forEach(c -> keep.add(normalise(c)));
        Map<String, String> copy = new TreeMap<>();
        map.forEach((s, t) -> {
            if (t.equals(IGNORE) || keep.contains(t)) {
                copy.put(s, t);
            }
        });
        keep.forEach(c -> copy.put(c, c));
        return new ClassMapping(copy);
    }

    /**
     * The task class for a tool's class name: a target class, {@link #IGNORE} for a deliberately dropped class,
     * or empty for an unknown class.
     */
    public Optional<String> map(String className) {
        String key = normalise(className);
        String target = map.get(key);
        if (target == null && map.containsValue(key)) {
            target = key; // already a task class
        }
        return Optional.ofNullable(target);
    }

    /** The classes this mapping can produce, sorted (without {@link #IGNORE}). */
    public Set<String> targets() {
        Set<String> t = new TreeSet<>(map.values());
        t.remove(IGNORE);
        return Collections.unmodifiableSet(t);
    }

    /** The entries, normalised source → target, sorted by source. */
    public Map<String, String> entries() {
        return map;
    }

    /** Lower case; runs of non-letters/digits become one '_', none at either end. */
    public static String normalise(String className) {
        String s = className.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassMapping other && map.equals(other.map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return "ClassMapping" + map;
    }

    /** The first '=', else the first ',', else the first tab: class names may contain spaces. */
    private static int separator(String line) {
        for (char c : new char[] {'=', ',', '\t'}) {
            int at = line.indexOf(c);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        s = s.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
