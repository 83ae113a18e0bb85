package org.phenoloc.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a user gets from "Install New Software" with our update site (installed by the p2 director in the build, see
 * pom.xml), with a p2 site holding only the org.knime.core stand-in in the role of KNIME's own site.
 */
class InstalledSiteTest {
    static final Path INSTALL = Path.of(System.getProperty("phenoloc.install.dir", "target/knime-install"));
    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

    static List<Path> installedPlugins() throws IOException {
        try (Stream<Path> s = Files.list(INSTALL.resolve("plugins"))) {
            return s.sorted().toList();
        }
    }

    static Set<String> ids(List<Path> jars) {
        Set<String> ids = new TreeSet<>();
        for (Path p : jars) {
            String n = p.getFileName().toString();
            // id_version.jar, the version being n.n.n.qualifier; ids may contain '_' (x86_64)
            ids.add(n.replaceFirst("_\\d+\\.\\d+\\.\\d+[^_]*$", ""));
        }
        return ids;
    }

    @Test
    void installsOurBundlesAndOnlyTheLinuxX8664Fragment() throws IOException {
        assertEquals(Set.of("org.knime.core", "org.phenoloc.engine", "org.phenoloc.knime", "org.phenoloc.libs",
            "org.phenoloc.libs.linux.x86_64"), ids(installedPlugins()));
        try (Stream<Path> s = Files.list(INSTALL.resolve("features"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("org.phenoloc.feature_")));
        }
    }

    /**
     * The default build's site installed for each other platform (p2 director with -p2.os/-p2.arch): exactly our
     * bundles and that platform's native fragment, never another's.
     */
    @Test
    void eachPlatformGetsExactlyItsOwnFragment() throws IOException {
        Path installs = Path.of(System.getProperty("phenoloc.platform.installs", "target/platform-installs"));
        boolean required = Boolean.parseBoolean(System.getProperty("phenoloc.platform.installs.required", "false"));
        int checked = 0;
        for (String platform : List.of("linux.aarch64", "win32.x86_64", "macosx.x86_64", "macosx.aarch64")) {
            // p2 lays out a macOS install as an app bundle: Eclipse.app/Contents/Eclipse/plugins
            Path plugins = installs.resolve(platform).resolve(platform.startsWith("macosx")
                ? "Eclipse.app/Contents/Eclipse/plugins" : "plugins");
            if (!Files.isDirectory(plugins)) {
                assertFalse(required, "no install for " + platform + " in " + installs);
                continue;
            }
            try (Stream<Path> s = Files.list(plugins)) {
                assertEquals(Set.of("org.knime.core", "org.phenoloc.engine", "org.phenoloc.knime", "org.phenoloc.libs",
                    "org.phenoloc.libs." + platform), ids(s.sorted().toList()), platform);
            }
            checked++;
        }
        assertTrue(!required || checked == 4, checked + " platform installs checked");
    }

    @Test
    void nativesLiveInTheFragmentNotInTheHost() throws IOException {
        boolean hostChecked = false;
        for (Path p : installedPlugins()) {
            String n = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                // Eclipse-BundleShape: dir -> the libs bundle lands as a folder, its jars under lib/
                assertTrue(n.startsWith("org.phenoloc.libs_"), "only the libs bundle is a folder: " + n);
                try (Stream<Path> lib = Files.list(p.resolve("lib"))) {
                    List<String> jars = lib.map(j -> "lib/" + j.getFileName()).toList();
                    assertTrue(jars.contains("lib/deeplearning4j-nn.jar"), jars.toString());
                    assertFalse(jars.stream().anyMatch(e -> e.matches(".*-(linux|windows|macosx)-.*\\.jar")),
                        "native jar in the host bundle: " + jars);
                }
                String manifest = Files.readString(p.resolve("META-INF/MANIFEST.MF"));
                assertTrue(manifest.contains("Eclipse-BundleShape: dir"));
                assertFalse(manifest.contains(" org.slf4j"), "the libs bundle must not export slf4j");
                hostChecked = true;
                continue;
            }
            try (JarFile jar = new JarFile(p.toFile())) {
                List<String> nested = jar.stream().map(e -> e.getName()).filter(e -> e.endsWith(".jar")).toList();
                if (n.startsWith("org.phenoloc.libs.linux.x86_64_")) {
                    assertTrue(nested.contains("lib/nd4j-native-linux-x86_64-onednn.jar"), nested.toString());
                    assertTrue(nested.contains("lib/openblas-linux-x86_64.jar"), nested.toString());
                } else if (n.startsWith("org.phenoloc.libs_")) {
                    assertTrue(nested.contains("lib/deeplearning4j-nn.jar"), nested.toString());
                    assertFalse(nested.stream().anyMatch(e -> e.matches(".*-(linux|windows|macosx)-.*\\.jar")),
                        "native jar in the host bundle: " + nested);
                } else if (n.startsWith("org.phenoloc.knime_")) {
                    assertNotNull(jar.getEntry("plugin.xml"));
                    assertNotNull(jar.getEntry("org/phenoloc/knime/nodes/learner/CnnLearnerNodeFactory.xml"));
                    assertNotNull(jar.getEntry("org/phenoloc/knime/nodes/learner/learner.png"));
                }
            }
        }
        assertTrue(hostChecked, "the libs bundle was installed as a folder");
    }

    @Test
    void theUpdateSiteShipsNoStandIn() throws IOException {
        Path site = ROOT.resolve("update-site/target/repository/plugins");
        try (Stream<Path> s = Files.list(site)) {
            Set<String> ids = ids(s.toList());
            assertFalse(ids.contains("org.knime.core"), ids.toString());
            assertTrue(ids.contains("org.phenoloc.knime"), ids.toString());
        }
        String content = Files.exists(ROOT.resolve("update-site/target/repository/content.jar"))
            ? "content.jar" : "content.xml";
        assertTrue(Files.exists(ROOT.resolve("update-site/target/repository/" + content)));
    }

    /** feature/all-platforms/feature.xml = feature/feature.xml + the four other fragments. */
    @Test
    void allPlatformsFeatureDiffersOnlyByFragments() throws Exception {
        List<String> one = plugins(ROOT.resolve("feature/feature.xml"));
        List<String> all = plugins(ROOT.resolve("feature/all-platforms/feature.xml"));
        List<String> extra = new ArrayList<>(all);
        extra.removeAll(one);
        assertTrue(all.containsAll(one), all + " vs " + one);
        assertEquals(List.of("org.phenoloc.libs.linux.aarch64 os=linux arch=aarch64 fragment=true",
            "org.phenoloc.libs.win32.x86_64 os=win32 arch=x86_64 fragment=true",
            "org.phenoloc.libs.macosx.x86_64 os=macosx arch=x86_64 fragment=true",
            "org.phenoloc.libs.macosx.aarch64 os=macosx arch=aarch64 fragment=true"), extra);
        for (String f : List.of("linux.aarch64", "win32.x86_64", "macosx.x86_64", "macosx.aarch64")) {
            String manifest = Files.readString(ROOT.resolve("plugin/org.phenoloc.libs." + f + "/META-INF/MANIFEST.MF"));
            String[] osArch = f.split("\\.");
            assertTrue(manifest.contains("Eclipse-PlatformFilter: (&(osgi.os=" + osArch[0] + ")(osgi.arch="
                + osArch[1] + "))"), f);
            assertTrue(manifest.contains("Fragment-Host: org.phenoloc.libs"), f);
        }
    }

    private static List<String> plugins(Path feature) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(feature.toFile());
        NodeList n = doc.getElementsByTagName("plugin");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            Element e = (Element)n.item(i);
            String s = e.getAttribute("id");
            for (String a : new String[] {"os", "arch", "fragment"}) {
                if (!e.getAttribute(a).isEmpty()) {
                    s += " " + a + "=" + e.getAttribute(a);
                }
            }
            out.add(s);
        }
        return out;
    }
}
