package app.newsroom.search;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierPlanTest {

    @Test
    void shouldPickTheHighestTierThatFillsThePool() {
        // counts as SearchRepository.tierCounts reports them: each stops at what the page needs
        Map<Integer, Long> counts = Map.of(60, 0L, 40, 12L, 30, 200L, 20, 200L, 14, 200L, 10, 200L);
        assertEquals(30, TierPlan.choose(counts, 200, false).level());
        assertEquals(40, TierPlan.choose(counts, 10, false).level());
        assertEquals(new TierPlan(30, true), TierPlan.choose(counts, 200, true));
    }

    @Test
    void shouldRankEveryMatchWhenNoTierFillsThePool() {
        assertTrue(TierPlan.choose(Map.of(60, 0L, 40, 1L, 30, 5L, 20, 50L, 14, 120L, 10, 199L), 200, true)
                .everyMatch());
        assertTrue(TierPlan.choose(Map.of(), 200, false).everyMatch());
    }

    @Test
    void shouldStepDownOneTierAtATime() {
        assertEquals(40, new TierPlan(60, false).lower().level());
        assertEquals(new TierPlan(10, true), new TierPlan(14, true).lower());
        assertEquals(20, new TierPlan(30, false).lower().level());
        assertEquals(10, new TierPlan(14, false).lower().level());
        assertTrue(new TierPlan(10, false).lower().everyMatch());
        assertTrue(TierPlan.EVERY_MATCH.lower().everyMatch());
    }
}
