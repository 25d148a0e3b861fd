package app.newsroom.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.article.ArticleService;
import app.newsroom.changes.ChangeCursor;
import app.newsroom.changes.ChangeLog;
import app.newsroom.common.Ids;
import app.newsroom.tag.TagDtos.TagRef;
import app.newsroom.webhook.WebhookDtos.Payload;
import app.newsroom.webhook.WebhookDtos.PayloadData;
import app.newsroom.webhook.WebhookDtos.PayloadForm;
import app.newsroom.webhook.WebhookQueue.Target;
import app.newsroom.webhook.WebhookQueue.Told;

/**
 * Turns the change log into events, one instance at a time (the position row is locked with SKIP LOCKED). Each
 * article's latest change is compared with what partners were last told: public now and not before is
 * {@code article.published}, public before and now {@code article.updated}, public before and not now
 * {@code article.unpublished} ({@code article.killed} when it was killed, {@code article.deleted} when the row is
 * gone), and public before and now with more corrections {@code article.corrected}; an article public neither before nor
 * now (a draft) is nobody's business. Every endpoint whose events and filters match gets a delivery whose body is
 * written now and sent unchanged on every attempt.
 */
@ApplicationScoped
class WebhookFanOut {

    static final int BATCH = 200;

    private final ChangeLog changeLog;
    private final WebhookQueue queue;
    private final ArticleService articles;
    private final ObjectMapper mapper;

    WebhookFanOut(ChangeLog changeLog, WebhookQueue queue, ArticleService articles, ObjectMapper mapper) {
        this.changeLog = changeLog;
        this.queue = queue;
        this.articles = articles;
        this.mapper = mapper;
    }

    /** Turns the next batch of changes into events; answers how many changes it read (0: nothing new, or busy). */
    @Transactional
    int run() {
        Optional<ChangeCursor> position = queue.lockPosition();
        if (position.isEmpty()) {
            return 0;
        }
        List<ChangeLog.Entry> entries = changeLog.after(position.get(), BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        List<UUID> ids = entries.stream().map(ChangeLog.Entry::articleId).toList();
        List<Target> targets = queue.targets();
        if (targets.isEmpty()) { // nobody to tell: only remember what partners may see, in SQL
            queue.tellInBulk(ids);
            queue.movePosition(entries.get(entries.size() - 1).position());
            return entries.size();
        }
        // what partners may see: public articles, and embargoed ones (marked with their embargo)
        Map<UUID, ArticleResponse> forms = articles.partnerForms(ids);
        Map<UUID, ArticleSummary> summaries = new HashMap<>();
        for (ArticleSummary s : articles.summariesOf(List.copyOf(forms.keySet()))) {
            summaries.put(s.id(), s);
        }
        Map<UUID, Told> told = queue.told(ids);
        Map<UUID, String> killed = articles.killReasons(
                ids.stream().filter(id -> !forms.containsKey(id)).toList());
        Instant now = Instant.now();
        for (ChangeLog.Entry entry : entries) {
            ArticleResponse form = forms.get(entry.articleId());
            Told before = told.get(entry.articleId());
            WebhookEvent type;
            List<String> tags;
            String section;
            if (form != null) {
                type = before == null
                        ? WebhookEvent.ARTICLE_PUBLISHED
                        : form.corrections().size() > before.corrections()
                                ? WebhookEvent.ARTICLE_CORRECTED
                                : WebhookEvent.ARTICLE_UPDATED;
                tags = form.tags().stream().map(TagRef::slug).toList();
                section = form.section();
                queue.tellPublic(
                        entry.articleId(), tags, section, form.corrections().size());
            } else if (before != null) {
                type = entry.deleted()
                        ? WebhookEvent.ARTICLE_DELETED
                        : killed.containsKey(entry.articleId())
                                ? WebhookEvent.ARTICLE_KILLED
                                : WebhookEvent.ARTICLE_UNPUBLISHED;
                tags = before.tags();
                section = before.section();
                queue.tellGone(entry.articleId());
            } else {
                continue;
            }
            // partners' endpoints never receive what they may not republish: for them it is not there, and an
            // article that stopped being allowed is one to remove
            boolean restricted = form != null && !form.syndication().allowed();
            WebhookEvent forPartners = !restricted
                    ? type
                    : type == WebhookEvent.ARTICLE_PUBLISHED ? null : WebhookEvent.ARTICLE_UNPUBLISHED;
            Map<WebhookEvent, List<Target>> wanting = new EnumMap<>(WebhookEvent.class);
            for (Target target : targets) {
                WebhookEvent effective = target.partner() ? forPartners : type;
                if (effective != null && target.events().contains(effective) && matches(target, tags, section)) {
                    wanting.computeIfAbsent(effective, e -> new ArrayList<>()).add(target);
                }
            }
            String cursor = entry.position().encode();
            for (Map.Entry<WebhookEvent, List<Target>> group : wanting.entrySet()) {
                WebhookEvent effective = group.getKey();
                boolean withArticle = form != null && effective == type;
                UUID event = Ids.newId();
                queue.insertEvent(event, effective, entry.articleId(), entry.slug(), cursor);
                Map<PayloadForm, String> bodies = new HashMap<>();
                for (Target target : group.getValue()) {
                    String body = bodies.computeIfAbsent(
                            target.payload(),
                            form2 -> body(
                                    effective,
                                    now,
                                    new PayloadData(
                                            entry.articleId(),
                                            entry.slug(),
                                            cursor,
                                            !withArticle
                                                    ? null
                                                    : form2 == PayloadForm.FULL ? form : summaries.get(form.id()),
                                            killed.get(entry.articleId()),
                                            withArticle ? form.embargoedUntil() : null)));
                    queue.insertDelivery(target.id(), event, body);
                }
            }
        }
        queue.movePosition(entries.get(entries.size() - 1).position());
        return entries.size();
    }

    private static boolean matches(Target target, List<String> tags, String section) {
        boolean tagged = target.tags().isEmpty() || target.tags().stream().anyMatch(tags::contains);
        boolean placed = target.sections().isEmpty()
                || section != null
                        && target.sections().stream().anyMatch(s -> section.equals(s) || section.startsWith(s + "/"));
        return tagged && placed;
    }

    private String body(WebhookEvent type, Instant at, PayloadData data) {
        try {
            return mapper.writeValueAsString(new Payload(type.toString(), at, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload is always serializable", e);
        }
    }
}
