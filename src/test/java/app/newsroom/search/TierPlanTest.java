package app.newsroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TierPlanTest {

    private static final double ROWS = 100_000;

    @Test
    void shouldRankEveryMatchOfRareWordsAndWithoutStatistics() {
        assertTrue(TierPlan.choose(List.of("derna"), true, Map.of("derna", 0.005), Map.of(), ROWS, 4000, 300).everyMatch());
        assertTrue(TierPlan.choose(List.of("govern"), true, Map.of(), Map.of(), ROWS, 4000, 300).everyMatch());
    }

    @Test
    void shouldPickTheHighestTierThatFillsThePool() {
        Map<String, Double> doc = Map.of("govern", 0.42);
        Map<String, Double> tier = Map.of("govern^10", 0.23, "govern^14", 0.03, "govern^20", 0.029, "govern^30", 0.0022,
                "govern^40", 0.0001);
        assertEquals(20, TierPlan.choose(List.of("govern"), true, doc, tier, ROWS, 4000, 300).level());
        assertEquals(30, TierPlan.choose(List.of("govern"), true, doc, tier, ROWS, 4000, 200).level());
        // a deep page needs more candidates: a lower tier
        assertEquals(14, TierPlan.choose(List.of("govern"), true, doc, tier, ROWS, 4000, 3000).level());
        // more than any tier holds: every match
        assertTrue(TierPlan.choose(List.of("govern"), true, doc, tier, ROWS, 4000, 50_000).everyMatch());
    }

    @Test
    void shouldAddTheTiersOfAllWordsAndStepDown() {
        Map<String, Double> doc = Map.of("govern", 0.42, "elect", 0.29);
        Map<String, Double> tier = Map.of("govern^30", 0.0015, "elect^30", 0.0018, "govern^20", 0.03, "elect^20", 0.004);
        // either word: the tiers add up
        assertEquals(30, TierPlan.choose(List.of("govern", "elect"), false, doc, tier, ROWS, 4000, 300).level());
        // both words: a tier article must hold the other word too (150 * 0.29 + 180 * 0.42 < 300)
        assertEquals(20, TierPlan.choose(List.of("govern", "elect"), true, doc, tier, ROWS, 4000, 300).level());
        // a rare word bounds an AND: every match is ranked
        assertTrue(TierPlan.choose(List.of("govern", "hmeimim"), true, Map.of("govern", 0.42, "hmeimim", 0.01), tier,
                ROWS, 4000, 300).everyMatch());
        assertEquals(20, new TierPlan(30).lower().level());
        assertTrue(new TierPlan(10).lower().everyMatch());
    }
}
