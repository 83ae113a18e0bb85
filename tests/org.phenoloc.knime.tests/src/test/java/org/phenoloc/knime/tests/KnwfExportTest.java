package org.phenoloc.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The build exports each shipped workflow as workflows/target/NAME.knwf: the workflow folder zipped under its name. */
class KnwfExportTest {
    @Test
    void everyWorkflowIsExportedWithAllItsFilesUnderItsFolderName() throws IOException {
        Path workflows = InstalledSiteTest.ROOT.resolve("workflows");
        List<Path> folders;
        try (Stream<Path> s = Files.list(workflows)) {
            folders = s.filter(p -> Files.isRegularFile(p.resolve("workflow.knime"))).sorted().toList();
        }
        assertEquals(4, folders.size(), folders.toString());
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            Path knwf = workflows.resolve("target").resolve(name + ".knwf");
            assertTrue(Files.isRegularFile(knwf), knwf + " missing");
            Set<String> expected = new TreeSet<>();
            try (Stream<Path> s = Files.walk(folder)) {
                s.filter(Files::isRegularFile).filter(p -> !folder.relativize(p).startsWith("output"))
                    .forEach(p -> expected.add(name + "/" + folder.relativize(p).toString().replace('\\', '/')));
            }
            Set<String> entries = new TreeSet<>();
            try (ZipFile zip = new ZipFile(knwf.toFile())) {
                zip.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.add(e.getName()));
            }
            assertEquals(expected, entries, name);
            assertTrue(entries.contains(name + "/workflow.knime"));
        }
    }
}
