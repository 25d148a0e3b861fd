package app.newsroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.article.ArticleService;
import app.newsroom.search.SearchDtos.RelatedArticle;

/** GET /articles/{idOrSlug}/related: the candidates of {@link RelatedRepository}, in summary form. */
@ApplicationScoped
class RelatedService {

    private final RelatedRepository repository;
    private final ArticleService articles;

    RelatedService(RelatedRepository repository, ArticleService articles) {
        this.repository = repository;
        this.articles = articles;
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<RelatedArticle> related(UUID articleId, int limit) {
        List<RelatedRepository.Candidate> candidates = repository.related(articleId, limit);
        Map<UUID, ArticleSummary> summaries =
                articles
                        .publicSummaries(candidates.stream()
                                .map(RelatedRepository.Candidate::id)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<RelatedArticle> items = new ArrayList<>();
        for (RelatedRepository.Candidate c : candidates) {
            ArticleSummary summary = summaries.get(c.id());
            if (summary != null) {
                items.add(new RelatedArticle(summary, Math.round(c.score() * 1000) / 1000.0, c.sharedTags()));
            }
        }
        return items;
    }
}
