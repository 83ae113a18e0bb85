package org.phenoloc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine's packages form no cycle (e.g. model and training each usable without the other's internals): every
 * reference from one package to another, by import or by fully qualified name, is collected from the sources and the
 * graph is checked for cycles. A new cycle fails with the path that closes it.
 */
class PackageCyclesTest {
    static final Path SOURCES = Path.of("src/main/java/org/phenoloc/engine");
    static final Pattern REFERENCE = Pattern.compile("org\\.phenoloc\\.engine\\.([a-z]+)\\.");

    @Test
    void enginePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() >= 10, "expected the engine's packages under " + SOURCES.toAbsolutePath());
        for (String start : graph.keySet()) {
            List<String> cycle = cycleFrom(start, graph, new ArrayList<>(), new TreeSet<>());
            assertEquals(List.of(), cycle, "package cycle");
        }
    }

    @Test
    void detectsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertEquals(List.of("a", "b", "c", "a"), cycleFrom("a", graph, new ArrayList<>(), new TreeSet<>()));
    }

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // the root package holds only the entry point
                }
                String pkg = rel.getName(0).toString();
                Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        deps.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** A path from {@code start} back to a package already on the path, or an empty list. */
    static List<String> cycleFrom(String start, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        int at = path.indexOf(start);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(start);
            return cycle;
        }
        if (done.contains(start)) {
            return List.of();
        }
        path.add(start);
        for (String next : graph.getOrDefault(start, Set.of())) {
            List<String> cycle = cycleFrom(next, graph, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(start);
        return List.of();
    }
}
