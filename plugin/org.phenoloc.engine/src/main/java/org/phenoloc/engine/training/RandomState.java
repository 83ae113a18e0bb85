package org.phenoloc.engine.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;

/**
 * A {@link Random}'s state as bytes and back (its standard serialised form), so that a resumed training draws the
 * crops an uninterrupted one would. Reading accepts a serialised {@code java.util.Random} and nothing else.
 */
final class RandomState {
    private static final ObjectInputFilter ONLY_RANDOM = ObjectInputFilter.Config.createFilter(
            "java.util.Random;maxdepth=2;maxrefs=8;maxbytes=1024;!*");

    private RandomState() {}

    static byte[] save(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a java.util.Random", e); // in memory: not reached
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not a serialised {@code java.util.Random} */
    static Random load(byte[] state) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            in.setObjectInputFilter(ONLY_RANDOM);
            Object o = in.readObject();
            if (o == null || o.getClass() != Random.class) {
                throw new InvalidClassException("not a java.util.Random");
            }
            return (Random) o;
        } catch (ClassNotFoundException e) {
            throw new IOException("not a java.util.Random: " + e.getMessage(), e);
        }
    }
}
