package app.newsroom.search;

import java.util.Collection;
import java.util.Map;

/**
 * Chooses how many candidates a ranked search looks at. Ranking a match costs ~20 µs (its full vector is read from
 * TOAST and scored), so a word found in 40,000 articles cannot be ranked over every match in interactive time.
 * Each article carries impact tiers of its headline/standfirst lexemes ({@code govern^30}: 'govern' weighs at least
 * 3.0 there; see the V6 migration). For a common query the plan picks the highest tier that still holds enough
 * articles to fill the candidate pool, so only those are read; for rare queries (and any without statistics) the
 * pool is drawn from every match.
 */
record TierPlan(int level) {

    /** Tiers stored by newsroom_impact_tiers(), highest first (impact × 10). */
    static final int[] LEVELS = { 60, 40, 30, 20, 14, 10 };

    static final TierPlan EVERY_MATCH = new TierPlan(0);

    boolean everyMatch() {
        return level == 0;
    }

    /**
     * @param lexemes    the positive lexemes of the query (over every configuration searched)
     * @param allWords   whether an article must hold all of them (words, phrases) rather than any (OR)
     * @param docFreq    fraction of articles whose vector holds a lexeme, from pg_stats (absent: rare)
     * @param tierFreq   fraction of articles holding a tier token {@code lexeme^level}, from pg_stats (absent: rare)
     * @param rows       articles in the table
     * @param tierAbove  estimated matches below which every match is ranked
     * @param needed     candidates the page needs (pool size, or deeper for later pages)
     */
    static TierPlan choose(Collection<String> lexemes, boolean allWords, Map<String, Double> docFreq,
            Map<String, Double> tierFreq, double rows, int tierAbove, int needed) {
        // matches: the rarest word bounds an AND; an OR adds up (words taken as independent)
        double matches = allWords ? rows : 0;
        for (String lexeme : lexemes) {
            double f = docFreq.getOrDefault(lexeme, 0.0) * rows;
            matches = allWords ? Math.min(matches, f) : matches + f;
        }
        if (lexemes.isEmpty() || matches < tierAbove) {
            return EVERY_MATCH;
        }
        for (int level : LEVELS) {
            // the pool holds articles where some word reaches the tier and, for an AND, the others occur too
            double inTier = 0;
            for (String lexeme : lexemes) {
                double p = tierFreq.getOrDefault(lexeme + "^" + level, 0.0);
                if (allWords) {
                    for (String other : lexemes) {
                        if (!other.equals(lexeme)) {
                            p *= docFreq.getOrDefault(other, 0.0);
                        }
                    }
                }
                inTier += p * rows;
            }
            if (inTier >= needed) {
                return new TierPlan(level);
            }
        }
        return EVERY_MATCH;
    }

    /** The next lower tier, for when this one yielded too few candidates. */
    TierPlan lower() {
        for (int i = 0; i < LEVELS.length - 1; i++) {
            if (LEVELS[i] == level) {
                return new TierPlan(LEVELS[i + 1]);
            }
        }
        return EVERY_MATCH;
    }
}
