package org.phenoloc.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.NetworkFactory;
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

    @Test
    void appendProfilesEveryImageAndWritesTheSection(@TempDir Path dir) {
        Architecture a = Architecture.paperRoot(3).scaled(0.125);
        var net = NetworkFactory.build(a, new StepSchedule(ScheduleType.EPOCH, 0.1, 0.1, 1), 0.9, 0, 3);
        var model = new PhenolocModel(net, new ModelMetadata("roots", Task.ROOTS.classes(), a, Task.ROOTS.recipe(), 1.0,
                Task.ROOTS.defaultThresholds(), Map.of("seed", "3")));
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        ImageFiles.writePng(one, new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB));
        ImageFiles.writePng(two, new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
        Markdown md = new Markdown();
        double uptimeBefore = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        RunProfile profile = Efficiency.append(md, model, LocaliserConfig.defaults(), List.of(one, two));
        assertEquals(2, profile.images().size());
        // start-up is the localiser's set-up, not the JVM's uptime (which, in the benchmark, includes training)
        assertTrue(profile.startupSeconds() < uptimeBefore, profile.startupSeconds() + " vs uptime " + uptimeBefore);
        assertTrue(md.markdown().contains("Set-up of the localiser"), md.markdown());
        assertTrue(profile.images().get(0).scan() > 0 && profile.totalOverScan() > 1, profile.images().toString());
        // a sequential run: its parts lie inside its elapsed time, so adding them up cannot exceed it
        assertTrue(profile.elapsedOverScan() >= profile.totalOverScan() - 1e-9,
                profile.elapsedOverScan() + " vs " + profile.totalOverScan());
        assertTrue(profile.summary().contains("whole command") && profile.summary().contains("as if nothing overlapped"),
                profile.summary());
        assertTrue(md.markdown().contains("## Efficiency") && md.markdown().contains("| two.png | 0.0 |"), md.markdown());
    }
}
