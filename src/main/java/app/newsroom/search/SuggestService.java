package app.newsroom.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.newsroom.search.SearchDtos.Suggestion;

/** GET /search/suggest: tags and headlines for a search box, from trigram and prefix indexes. */
@ApplicationScoped
class SuggestService {

    private final SuggestRepository repository;

    SuggestService(SuggestRepository repository) {
        this.repository = repository;
    }

    /** Tags first (up to half the list, more when headlines are few), then headlines. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<Suggestion> suggest(String text, int limit) {
        List<SuggestRepository.TagMatch> tags = repository.tags(text, limit);
        List<SuggestRepository.HeadlineMatch> headlines = repository.headlines(text, limit);
        int tagSlots = Math.max((limit + 1) / 2, limit - headlines.size());
        List<Suggestion> items = new ArrayList<>();
        for (SuggestRepository.TagMatch t : tags.subList(0, Math.min(tagSlots, tags.size()))) {
            items.add(new Suggestion("tag", t.name(), t.slug(), null));
        }
        for (SuggestRepository.HeadlineMatch h : headlines) {
            if (items.size() < limit) {
                items.add(new Suggestion("article", h.headline(), h.slug(), h.id()));
            }
        }
        return items;
    }
}
