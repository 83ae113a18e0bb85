package org.knime.core.node.port;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's AbstractPortObject. Like KNIME's serializer it writes a {@code meta.xml} entry naming the
 * class before the object's own entries, and it restores through the public no-arg constructor.
 */
public abstract class AbstractPortObject implements PortObject {

    /** Stand-in for KNIME's AbstractPortObject.AbstractPortObjectSerializer. */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        public final void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            out.write(("<config class_name=\"" + portObject.getClass().getName() + "\"/>")
                .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            portObject.save(out, exec);
        }

        @Override
        public final T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !entry.getName().equals("meta.xml")) {
                throw new IOException("Expected meta.xml file in stream, got " + entry);
            }
            in.readAllBytes();
            T result;
            try {
                result = objectClass().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new RuntimeException("Failed to invoke no-arg constructor: " + e.getMessage(), e);
            }
            result.load(in, spec, exec);
            return result;
        }

        @SuppressWarnings("unchecked")
        private Class<T> objectClass() {
            Type t = getClass().getGenericSuperclass();
            return (Class<T>)((ParameterizedType)t).getActualTypeArguments()[0];
        }
    }

    public AbstractPortObject() {
    }

    protected abstract void save(final PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void load(final PortObjectZipInputStream in, final PortObjectSpec spec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException;
}
