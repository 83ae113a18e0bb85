package org.phenoloc.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The stand-in declares KNIME's real signatures: every member in releng/knime-api-members.txt (each checked against
 * the KNIME source named there) must exist in the stand-in with exactly that signature. A difference would compile
 * here and fail inside KNIME, or fail only in the -Dreal-knime build.
 */
class StandInSignaturesTest {
    static final Path LIST = Path.of("").toAbsolutePath().resolve("../../releng/knime-api-members.txt").normalize();
    private static final int MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT;

    /** A member as the list writes it, e.g. "protected final int getNrInPorts()". */
    static String render(final Executable e) {
        StringBuilder sb = new StringBuilder(Modifier.toString(e.getModifiers() & MODIFIERS));
        if (sb.length() > 0) {
            sb.append(' ');
        }
        if (e instanceof Method m) {
            sb.append(m.getReturnType().getTypeName()).append(' ').append(m.getName());
        } else {
            sb.append(e.getDeclaringClass().getSimpleName());
        }
        List<String> params = new ArrayList<>();
        Class<?>[] types = e.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String t = types[i].getTypeName();
            params.add(e.isVarArgs() && i == types.length - 1 ? t.substring(0, t.length() - 2) + "..." : t);
        }
        sb.append('(').append(String.join(", ", params)).append(')');
        List<String> thrown = new ArrayList<>(Arrays.stream(e.getExceptionTypes()).map(Class::getName).sorted().toList());
        if (!thrown.isEmpty()) {
            sb.append(" throws ").append(String.join(", ", thrown));
        }
        return sb.toString();
    }

    private static String name(final String signature) {
        String head = signature.substring(0, signature.indexOf('('));
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private static String params(final String signature) {
        return signature.substring(signature.indexOf('(') + 1, signature.indexOf(')'));
    }

    @Test
    void everyListedMemberHasKnimesSignatureInTheStandIn() throws Exception {
        List<String> lines = Files.readAllLines(LIST);
        String source = null;
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@ ")) {
                source = line;
                continue;
            }
            assertNotNull(source, "member before any '@ source' line: " + line);
            String[] parts = line.split(" :: ");
            assertEquals(2, parts.length, "not 'class :: signature': " + line);
            String cls = parts[0].trim();
            assertTrue(source.contains(cls.replace('.', '/').replaceAll("\\$.*", "") + ".java"),
                line + " is listed under a source of another class: " + source);
            String expected = parts[1].trim();
            Class<?> c = Class.forName(cls);
            List<Executable> candidates = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
            candidates.addAll(Arrays.asList(c.getDeclaredMethods()));
            Executable found = null;
            for (Executable e : candidates) {
                String r = render(e);
                if (name(r).equals(name(expected)) && params(r).equals(params(expected))) {
                    found = e;
                }
            }
            if (found == null) {
                problems.add("missing in the stand-in: " + line);
            } else if (!render(found).equals(expected)) {
                problems.add(cls + ": KNIME has '" + expected + "', the stand-in '" + render(found) + "'");
            }
            checked++;
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertTrue(checked >= 30, "only " + checked + " members listed");
    }

    @Test
    void theRendererSeesModifiersAndExceptions() throws Exception {
        Method m = org.knime.core.util.FileUtil.class.getMethod("toURL", String.class);
        assertEquals("public static java.net.URL toURL(java.lang.String) throws java.net.MalformedURLException, "
            + "java.nio.file.InvalidPathException", render(m));
        assertFalse(render(org.knime.core.node.NodeModel.class.getDeclaredMethod("getNrInPorts")).startsWith("public"));
    }
}
