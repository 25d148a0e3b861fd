package app.newsroom.search;

import java.util.ArrayList;
import java.util.Arrays;
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

/** GET /articles/{idOrSlug}/related: see {@link SearchRepository#related}. */
@ApplicationScoped
class RelatedService {

    private final SearchRepository repository;
    private final ArticleService articles;

    RelatedService(SearchRepository repository, ArticleService articles) {
        this.repository = repository;
        this.articles = articles;
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<RelatedArticle> related(UUID articleId, int limit) {
        List<Object[]> rows = repository.related(articleId, limit);
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, ArticleSummary> summaries = articles.publicSummaries(ids).stream()
                .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<RelatedArticle> items = new ArrayList<>();
        for (Object[] r : rows) {
            ArticleSummary summary = summaries.get((UUID) r[0]);
            if (summary != null) {
                double score = Math.round(((Number) r[1]).doubleValue() * 1000) / 1000.0;
                items.add(RelatedArticle.of(summary, score, Arrays.asList((String[]) r[2])));
            }
        }
        return items;
    }
}
