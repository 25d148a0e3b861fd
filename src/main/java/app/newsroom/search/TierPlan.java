package app.newsroom.search;

import java.util.Map;

/**
 * Chooses how many candidates a ranked search looks at. Ranking a match costs 5–35 µs (its full vector is read from
 * TOAST and scored) and even pre-ordering it by its headline/standfirst costs ~7 µs, so a word found in 40,000
 * articles cannot be ranked over every match in interactive time. Each article carries impact tiers of its
 * headline/standfirst lexemes ({@code govern^30}: 'govern' weighs at least 3.0 there; see the V6 and V8 migrations).
 * A common query takes its candidates from the highest tier that still holds enough of them to fill the pool,
 * counted under the request's filters (see {@link SearchRepository#tierCounts}); rarer queries rank every match.
 * Words that must all occur first try the tiers where every one of them reaches the level (answered by the tier
 * index alone, and where all headline matches are), then those where any of them does.
 */
record TierPlan(int level, boolean allWords) {

    /** Tiers stored by newsroom_impact_tiers(), highest first (impact × 10). */
    static final int[] LEVELS = {60, 40, 30, 20, 14, 10};

    static final TierPlan EVERY_MATCH = new TierPlan(0, false);

    boolean everyMatch() {
        return level == 0;
    }

    /**
     * @param counts candidates per tier level (counting may stop at {@code needed})
     * @param needed candidates the page needs (the pool, or more for deeper pages)
     * @param allWords whether the counts are of articles where every word reaches the level
     */
    static TierPlan choose(Map<Integer, Long> counts, int needed, boolean allWords) {
        for (int level : LEVELS) {
            if (counts.getOrDefault(level, 0L) >= needed) {
                return new TierPlan(level, allWords);
            }
        }
        return EVERY_MATCH;
    }

    /** The next lower tier of the same kind, for when this one yielded too few candidates. */
    TierPlan lower() {
        for (int i = 0; i < LEVELS.length - 1; i++) {
            if (LEVELS[i] == level) {
                return new TierPlan(LEVELS[i + 1], allWords);
            }
        }
        return EVERY_MATCH;
    }
}
