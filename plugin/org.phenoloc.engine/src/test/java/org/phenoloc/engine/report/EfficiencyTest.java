package org.phenoloc.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.localisation.LocalisationResult;
import org.phenoloc.engine.localisation.ProbabilityGrid;
import org.phenoloc.engine.network.Architecture;

class EfficiencyTest {
    @Test
    void parsesProcStatWithSpacesInTheCommandName() {
        String stat = "1234 (java (x) y) S 1 1234 1234 0 -1 4194560 5000 0 7 0 250 31 0 0 20 0 40 0 123 456 789";
        ProcessStats s = ProcessStats.parse(stat, "Name:\tjava\nVmHWM:\t  409600 kB\nVmRSS:\t 1 kB\n");
        assertEquals(5000, s.minorFaults());
        assertEquals(2.50, s.userSeconds(), 1e-9);
        assertEquals(0.31, s.systemSeconds(), 1e-9);
        assertEquals(409600L * 1024, s.peakRssBytes());
        assertEquals(5000 / 102400.0, s.faultsPerPeakPage(), 1e-12);
    }

    @Test
    void touchingFreshMemoryCountsFaults() {
        ProcessStats before = ProcessStats.now().orElseThrow(); // Linux
        byte[] touched = new byte[64 << 20];
        for (int i = 0; i < touched.length; i += 4096) {
            touched[i] = 1;
        }
        ProcessStats d = ProcessStats.now().orElseThrow().since(before);
        assertTrue(d.minorFaults() >= 0 && d.cpuSeconds() >= 0, d.toString());
        assertTrue(d.peakRssBytes() > 64L << 20, d.toString());
    }

    @Test
    void machinePeakIsPositive() {
        MachinePeak p = MachinePeak.measure(256, 3);
        assertTrue(p.mmulGflops() > 0.1 && p.matmulGflops() > 0.1, p.toString());
        assertEquals(Math.max(p.mmulGflops(), p.matmulGflops()), p.peakGflops());
    }

    @Test
    void sectionReportsEfficiencyFaultsAndTheSplit() {
        RunProfile profile = RunProfile.start();
        profile.beginImage();
        profile.decoded();
        var grid = ProbabilityGrid.empty(1, 1, 4, 16, 2);
        profile.localised(new LocalisationResult("a.jpg", 2000, 500, 1.0, grid, Map.of(), List.of(), 0.5));
        RunProfile.ImageProfile p = profile.endImage();
        assertEquals(1.0, p.megapixels(), 1e-12);
        assertEquals(0.5, profile.medianScanSecondsPerMegapixel(), 1e-12);
        Architecture root = Architecture.paperRoot(3);
        Markdown md = new Markdown();
        MachinePeak peak = new MachinePeak(2048, 300, 200);
        Efficiency.section(md, peak, root, 4, profile);
        String text = md.markdown();
        // 303.5 GFLOP/MP in 0.5 s/MP = 607 GFLOPS = 2.02 of a 300 GFLOPS peak
        assertTrue(text.contains("607 GFLOPS: **2.02 of the peak**"), text);
        assertTrue(text.contains("| a.jpg | 1.0 |"), text);
        assertTrue(RunProfile.line(p).contains("scan 0.50 s (0.50 s/MP)"), RunProfile.line(p));
    }
}
