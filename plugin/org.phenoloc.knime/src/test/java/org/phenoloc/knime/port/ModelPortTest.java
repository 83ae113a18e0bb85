package org.phenoloc.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortUtil;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.knime.Fixtures;
import org.phenoloc.knime.util.Images;

/** The model port survives KNIME's save/load (as when a workflow is saved and reopened). */
class ModelPortTest {

    static byte[] save(PhenolocModelPortObject po) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            new PhenolocModelPortObject.Serializer().savePortObject(po, out, new ExecutionMonitor());
            // KNIME writes more after our entries: the stream must still be open
            out.putNextEntry(new ZipEntry("after-the-model"));
            out.write(42);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void portObjectRoundTripKeepsNetworkAndMetadata() throws Exception {
        PhenolocModelPortObject po = Fixtures.model();
        byte[] bytes = save(po);
        PhenolocModelPortObject back;
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes))) {
            back = new PhenolocModelPortObject.Serializer().loadPortObject(in, po.getSpec(), new ExecutionMonitor());
        }
        assertEquals(po.getModel().metadata().toJson(), back.getModel().metadata().toJson());
        List<Patch> patches = new ArrayList<>();
        for (DataRow r : Fixtures.rows(Fixtures.patches()).subList(0, 8)) {
            patches.add(Images.patch(r, 0, 0, "", 0, 0));
        }
        float[][] a = po.getModel().probabilities(patches);
        float[][] b = back.getModel().probabilities(patches);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-6f);
        }
        assertTrue(back.getSummary().contains("[root_tip, negative]"), back.getSummary());
        assertEquals(1, back.getViews().length);
    }

    @Test
    void specRoundTrip() throws Exception {
        PhenolocModelPortSpec spec = Fixtures.model().getSpec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            new PhenolocModelPortSpec.Serializer().savePortObjectSpec(spec, out);
        }
        try (PortObjectSpecZipInputStream in =
            PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PhenolocModelPortSpec back = new PhenolocModelPortSpec.Serializer().loadPortObjectSpec(in);
            assertEquals(spec.getMetadata().toJson(), back.getMetadata().toJson());
        }
    }

    @Test
    void corruptPortContentIsAnIoErrorNotACrash() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("meta.xml"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(PhenolocModelPortObject.ENTRY));
            out.write("not a zip".getBytes());
            out.closeEntry();
        }
        try (PortObjectZipInputStream in =
            PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            IOException e = assertThrows(IOException.class, () -> new PhenolocModelPortObject.Serializer()
                .loadPortObject(in, null, new ExecutionMonitor()));
            assertTrue(e.getMessage().contains("Phenoloc model"), e.getMessage());
        }
    }
}
