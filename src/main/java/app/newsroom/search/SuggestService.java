package app.newsroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.newsroom.search.SearchDtos.Suggestion;

/** GET /search/suggest: tags and headlines for a search box, from trigram and prefix indexes. */
@ApplicationScoped
class SuggestService {

    private final SearchRepository repository;

    SuggestService(SearchRepository repository) {
        this.repository = repository;
    }

    /** Tags first (up to half the list, more when headlines are few), then headlines. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<Suggestion> suggest(String text, int limit) {
        List<Object[]> tags = repository.suggestTags(text, limit);
        List<Object[]> headlines = repository.suggestHeadlines(text, limit);
        int tagSlots = Math.max((limit + 1) / 2, limit - headlines.size());
        List<Suggestion> items = new ArrayList<>();
        for (Object[] t : tags.subList(0, Math.min(tagSlots, tags.size()))) {
            items.add(new Suggestion("tag", (String) t[1], (String) t[0], null));
        }
        for (Object[] h : headlines) {
            if (items.size() < limit) {
                items.add(new Suggestion("article", (String) h[2], (String) h[1], (UUID) h[0]));
            }
        }
        return items;
    }
}
