package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;

class ClassMappingTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsMapCommonSpellingsToTaskClasses() {
        ClassMapping m = ClassMapping.defaults();
        for (String name : List.of("leaf tip", "leaftip", "Leaf_Tip", "LEAF-TIP", " tip ", "intact", "cut")) {
            assertEquals(Optional.of("leaf_tip"), m.map(name), name);
        }
        assertEquals(Optional.of("root_tip"), m.map("root_tip"));
        assertEquals(Optional.of("root_tip"), m.map("Root Tip"));
        assertEquals(Optional.of("ear_base"), m.map("Spike base"));
        assertEquals(Optional.empty(), m.map("stem"));
        assertEquals(Optional.empty(), m.map(""));
        assertEquals(ClassMapping.DEFAULT_CLASSES.stream().sorted().toList(), List.copyOf(m.targets()));
    }

    @Test
    void fileEntriesAddToAndOverrideDefaults() throws IOException {
        Path file = Files.writeString(tmp.resolve("classes.txt"), """
                # our lab's names
                source,target
                Blatt Spitze = leaf_tip
                tip=ear_tip
                "flag leaf",leaf_base
                cut = -
                stem\tleaf_base
                """);
        ClassMapping m = ClassMapping.read(file);
        assertEquals(Optional.of("leaf_tip"), m.map("blatt spitze"));
        assertEquals(Optional.of("ear_tip"), m.map("tip"));
        assertEquals(Optional.of("leaf_base"), m.map("Flag Leaf"));
        assertEquals(Optional.of(ClassMapping.IGNORE), m.map("cut"));
        assertEquals(Optional.of("leaf_base"), m.map("stem"));
        assertEquals(Optional.of("leaf_tip"), m.map("intact"), "defaults kept");
        assertEquals(Optional.of("leaf_tip"), ClassMapping.defaults().map("tip"), "defaults unchanged");
        assertEquals(m, ClassMapping.read(file));
    }

    @Test
    void badMappingLineNamesFileAndLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("classes.txt"), "tip=leaf_tip\njust a name\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ClassMapping.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("just a name"), e.getMessage());
        Path empty = Files.writeString(tmp.resolve("empty-target.txt"), "tip=\n");
        assertThrows(BadInputException.class, () -> ClassMapping.read(empty));
        assertThrows(BadInputException.class, () -> ClassMapping.read(tmp.resolve("missing.txt")));
    }

    @Test
    void restrictToKeepsOnlyTheTaskClasses() {
        ClassMapping roots = ClassMapping.defaults().with("junk", "-").restrictTo(List.of("root_tip"));
        assertEquals(Optional.of("root_tip"), roots.map("root tip"));
        assertEquals(Optional.empty(), roots.map("intact"));
        assertEquals(Optional.of(ClassMapping.IGNORE), roots.map("junk"));
        assertEquals(List.of("root_tip"), List.copyOf(roots.targets()));

        ClassMapping exact = ClassMapping.exactly(List.of("stem_node"));
        assertEquals(Optional.of("stem_node"), exact.map("Stem Node"));
        assertEquals(Optional.empty(), exact.map("leaf_tip"));
    }
}
