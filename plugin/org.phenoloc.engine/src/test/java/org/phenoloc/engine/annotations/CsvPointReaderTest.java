package org.phenoloc.engine.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenoloc.engine.io.BadInputException;

class CsvPointReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsPointsWithBomCaseInsensitiveHeaderAndExtraColumns() throws IOException {
        Path csv = write("points.csv", "\uFEFFId,Image,CLASS,X,y,comment\r\n"
                + "1,b.jpg,leaf_tip,10.5,20,first\r\n"
                + "\r\n"
                + "2,a.png,leaf_tip,0,0,\r\n"
                + "3, b.jpg ,\"leaf_tip\",30,40,\"multi\nline\"\r\n"
                + "4,b.jpg,ear_tip,1e2,5\r\n");
        Map<String, List<Feature>> points = CsvPointReader.read(csv);
        assertEquals(List.of("b.jpg", "a.png"), List.copyOf(points.keySet())); // file order
        assertEquals(List.of(new Feature("leaf_tip", 10.5, 20), new Feature("leaf_tip", 30, 40),
                new Feature("ear_tip", 100, 5)), points.get("b.jpg"));
        assertEquals(List.of(new Feature("leaf_tip", 0, 0)), points.get("a.png"));
    }

    @Test
    void headerOnlyGivesNoPoints() throws IOException {
        assertEquals(Map.of(), CsvPointReader.read(write("empty.csv", "image,class,x,y\n")));
    }

    @Test
    void missingColumnInHeader() throws IOException {
        Path csv = write("nox.csv", "image,class,y\na.png,tip,3\n");
        BadInputException e = assertThrows(BadInputException.class, () -> CsvPointReader.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ": missing column(s) x"), e.getMessage());
    }

    @Test
    void badRowsNameFileAndLine() throws IOException {
        String header = "image,class,x,y\na.png,tip,1,2\n";
        assertBadRow(header + "a.png,tip,3\n", "line 3: missing value in column 'y'");
        assertBadRow(header + "\n\na.png,tip,abc,2\n", "line 5: x = 'abc' is not a number");
        assertBadRow(header + "a.png,tip,1,NaN\n", "line 3: y = 'NaN'");
        assertBadRow(header + "a.png,tip,-1,2\n", "line 3: x = '-1' must be a finite pixel coordinate >= 0");
        assertBadRow(header + "a.png,tip,Infinity,2\n", "line 3: x = 'Infinity'");
        assertBadRow(header + ",tip,1,2\n", "line 3: missing value in column 'image'");
        assertBadRow(header + "a.png,,1,2\n", "line 3: missing value in column 'class'");
        assertBadRow(header + "a.png,\"tip,1,2\n", "malformed CSV");
    }

    @Test
    void emptyOrMissingFile() throws IOException {
        Path empty = write("blank.csv", "");
        BadInputException e = assertThrows(BadInputException.class, () -> CsvPointReader.read(empty));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        Path missing = tmp.resolve("missing.csv");
        e = assertThrows(BadInputException.class, () -> CsvPointReader.read(missing));
        assertEquals(missing + ": file not found", e.getMessage());
    }

    @Test
    void recognisesPointHeader() throws IOException {
        assertTrue(CsvPointReader.hasPointHeader(write("a.csv", "\uFEFFX,Y,Class,Image\n")));
        assertFalse(CsvPointReader.hasPointHeader(write("b.csv", "fn,targets\n1,2\n")));
        assertFalse(CsvPointReader.hasPointHeader(write("c.csv", "")));
        assertFalse(CsvPointReader.hasPointHeader(Files.write(tmp.resolve("d.csv"), new byte[] {(byte) 0xff, 0, 1})));
        assertFalse(CsvPointReader.hasPointHeader(tmp.resolve("missing.csv")));
    }

    private void assertBadRow(String content, String expected) throws IOException {
        Path csv = write("bad.csv", content);
        BadInputException e = assertThrows(BadInputException.class, () -> CsvPointReader.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }
}
