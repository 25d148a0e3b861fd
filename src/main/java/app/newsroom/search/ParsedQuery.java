package app.newsroom.search;

import java.util.List;

/**
 * A search query as one text search configuration parses it: its tsquery (as text), the positive lexemes (those of
 * {@code querytree}, the query without its negations, as they appear in the index), its number of nodes and its
 * positive part.
 */
record ParsedQuery(String config, String tsquery, List<String> lexemes, int nodes, String positive) {

    boolean matchesNothing() {
        return tsquery.isEmpty();
    }

    /** Whether what the query looks for (its exclusions aside) is a phrase. */
    boolean phrase() {
        return positive.contains("<");
    }

    /** One word and nothing else: any article whose tier holds the word matches it. */
    boolean singleWord() {
        return nodes == 1 && lexemes.size() == 1;
    }

    /** Words that must all occur, nothing else ({@code 'a' & 'b'}): a tier holding them all implies a match. */
    boolean allWords() {
        return operators().matches("[&() ]*");
    }

    /** Words of which any may occur, nothing else ({@code 'a' | 'b'}): a tier holding one implies a match. */
    boolean anyWord() {
        return operators().matches("[|() ]*");
    }

    private String operators() {
        return TsQueries.LEXEME.matcher(tsquery).replaceAll("");
    }
}
