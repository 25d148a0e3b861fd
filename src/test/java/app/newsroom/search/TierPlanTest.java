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
        assertTrue(TierPlan.choose(List.of("derna"), Map.of("derna", 0.005), Map.of(), ROWS, 4000, 300).everyMatch());
        assertTrue(TierPlan.choose(List.of("govern"), Map.of(), Map.of(), ROWS, 4000, 300).everyMatch());
    }

    @Test
    void shouldPickTheHighestTierThatFillsThePool() {
        Map<String, Double> doc = Map.of("govern", 0.42);
        Map<String, Double> tier = Map.of("govern^10", 0.23, "govern^14", 0.03, "govern^20", 0.029, "govern^30", 0.0022,
                "govern^40", 0.0001);
        assertEquals(20, TierPlan.choose(List.of("govern"), doc, tier, ROWS, 4000, 300).level());
        assertEquals(30, TierPlan.choose(List.of("govern"), doc, tier, ROWS, 4000, 200).level());
        // a deep page needs more candidates: a lower tier
        assertEquals(14, TierPlan.choose(List.of("govern"), doc, tier, ROWS, 4000, 3000).level());
        // more than any tier holds: every match
        assertTrue(TierPlan.choose(List.of("govern"), doc, tier, ROWS, 4000, 50_000).everyMatch());
    }

    @Test
    void shouldAddTheTiersOfAllWordsAndStepDown() {
        Map<String, Double> doc = Map.of("govern", 0.42, "elect", 0.29);
        Map<String, Double> tier = Map.of("govern^30", 0.0015, "elect^30", 0.0018);
        assertEquals(30, TierPlan.choose(List.of("govern", "elect"), doc, tier, ROWS, 4000, 300).level());
        assertEquals(20, new TierPlan(30).lower().level());
        assertTrue(new TierPlan(10).lower().everyMatch());
    }
}
