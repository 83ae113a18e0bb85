package org.phenoloc.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.io.BadInputException;

class SkeletonTipConfigTest {
    @Test
    void defaultsAreValidAndRoundTripThroughText() {
        SkeletonTipConfig d = SkeletonTipConfig.defaults();
        assertEquals(16, d.spurLength());
        assertEquals(d, SkeletonTipConfig.parse(d.toString()));
        SkeletonTipConfig changed = d.withChannel(SkeletonTipConfig.Channel.PALENESS).withSmoothing(1.5)
                .withThreshold(SkeletonTipConfig.Threshold.OTSU).withSensitivity(4.25).withBackgroundRadius(40)
                .withClosingRadius(2).withMinArea(300).withSpurLength(32)
                .withSeedRule(SkeletonTipConfig.SeedRule.NONE).withBorderMargin(5).withScale(0.5);
        assertEquals(changed, SkeletonTipConfig.parse(changed.toString()));
        assertTrue(changed.toString().contains("spurLength=32"), changed.toString());
        SkeletonTipConfig leaves = SkeletonTipConfig.leafTipDefaults();
        assertEquals(leaves, SkeletonTipConfig.parse(leaves.toString()));
        assertTrue(leaves.toString().contains("channel=GREENNESS") && leaves.toString().contains("region=IMAGE")
                && leaves.toString().contains("threshold=FIXED"), leaves.toString());
        assertEquals(SkeletonTipConfig.Region.PAPER, d.region());
        assertEquals(leaves.withRegion(SkeletonTipConfig.Region.PAPER), SkeletonTipConfig.parse(
                leaves.toString().replace("region=IMAGE", "region=paper")));
    }

    @Test
    void parseTakesCommasAnyCaseForNamesAndDefaultsForMissingKeys() {
        SkeletonTipConfig c = SkeletonTipConfig.parse("channel=green, threshold=otsu,scale=0.5");
        assertEquals(SkeletonTipConfig.Channel.GREEN, c.channel());
        assertEquals(SkeletonTipConfig.Threshold.OTSU, c.threshold());
        assertEquals(0.5, c.scale());
        assertEquals(SkeletonTipConfig.defaults().withChannel(SkeletonTipConfig.Channel.GREEN)
                .withThreshold(SkeletonTipConfig.Threshold.OTSU).withScale(0.5), c);
        assertEquals(SkeletonTipConfig.defaults(), SkeletonTipConfig.parse("  "));
    }

    @Test
    void badValuesAreRejectedNamingTheSetting() {
        SkeletonTipConfig d = SkeletonTipConfig.defaults();
        assertNames("sensitivity", () -> d.withSensitivity(0));
        assertNames("sensitivity", () -> d.withSensitivity(Double.NaN));
        assertNames("smoothing", () -> d.withSmoothing(-1));
        assertNames("backgroundRadius", () -> d.withBackgroundRadius(0));
        assertNames("closingRadius", () -> d.withClosingRadius(-1));
        assertNames("minArea", () -> d.withMinArea(-5));
        assertNames("spurLength", () -> d.withSpurLength(-1));
        assertNames("borderMargin", () -> d.withBorderMargin(-1));
        assertNames("scale", () -> d.withScale(0));
        assertNames("scale", () -> d.withScale(1.5));
        assertNames("channel", () -> d.withChannel(null));
        assertNames("seedRule", () -> d.withSeedRule(null));
        assertNames("region", () -> d.withRegion(null));
        assertNames("region", () -> SkeletonTipConfig.parse("region=moon"));
        assertNames("threshold", () -> SkeletonTipConfig.parse("threshold=magic"));
        assertNames("spurLength", () -> SkeletonTipConfig.parse("spurLength=long"));
        assertNames("channel", () -> SkeletonTipConfig.parse("channel=purple"));
        assertNames("colour", () -> SkeletonTipConfig.parse("colour=red"));
        assertNames("minArea", () -> SkeletonTipConfig.parse("minArea"));
    }

    private static void assertNames(String setting, Runnable r) {
        BadInputException e = assertThrows(BadInputException.class, r::run);
        assertTrue(e.getMessage().contains("'" + setting), e.getMessage());
    }
}
