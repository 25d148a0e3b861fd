package app.newsroom.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.newsroom.common.Ids;
import app.newsroom.common.error.ProblemException;
import app.newsroom.webhook.WebhookDtos.CreatedWebhook;
import app.newsroom.webhook.WebhookDtos.PayloadForm;
import app.newsroom.webhook.WebhookDtos.WebhookRequest;
import app.newsroom.webhook.WebhookRepository.Endpoint;

/** Registering and reading endpoints. An admin sees and manages every endpoint, a partner those its key registered. */
@ApplicationScoped
class WebhookService {

    private static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SECTION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");

    private final WebhookRepository repository;
    private final WebhookConfig config;

    WebhookService(WebhookRepository repository, WebhookConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Who is asking: an admin, or the key of a partner. */
    record Caller(boolean admin, UUID key) {}

    @Transactional
    CreatedWebhook register(WebhookRequest request, Caller caller) {
        URI url = target(request.url());
        List<WebhookEvent> events = request.events() == null || request.events().isEmpty()
                ? Arrays.asList(WebhookEvent.values())
                : request.events().stream().distinct().toList();
        List<String> tags = checked("tags", request.tags(), TAG, "a tag slug (for example `syria`)");
        List<String> sections =
                checked("sections", request.sections(), SECTION, "a section slug path (for example `world/europe`)");
        if (!caller.admin() && repository.countOwnedBy(caller.key()) >= config.maxPerKey()) {
            throw ProblemException.conflict(
                    "url", "this key has " + config.maxPerKey() + " endpoints already; delete one first");
        }
        Endpoint endpoint = new Endpoint(
                Ids.newId(),
                url.toString(),
                request.description(),
                events,
                tags,
                sections,
                request.payload() == null ? PayloadForm.SUMMARY : request.payload(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                null,
                WebhookSigner.newSecret(),
                caller.key());
        repository.insert(endpoint, caller.admin() ? "admin" : "partner");
        return new CreatedWebhook(
                endpoint.id(),
                endpoint.url(),
                endpoint.description(),
                endpoint.events(),
                endpoint.tags(),
                endpoint.sections(),
                endpoint.payload(),
                endpoint.createdAt(),
                endpoint.secret());
    }

    @Transactional
    List<WebhookDtos.WebhookResponse> list(Caller caller) {
        return repository.visible(caller.admin(), caller.key()).stream()
                .map(Endpoint::response)
                .toList();
    }

    @Transactional
    Optional<WebhookDtos.WebhookResponse> find(UUID id, Caller caller) {
        return repository.find(id, caller.admin(), caller.key()).map(Endpoint::response);
    }

    @Transactional
    boolean delete(UUID id, Caller caller) {
        return repository.find(id, caller.admin(), caller.key()).isPresent() && repository.delete(id);
    }

    @Transactional
    Optional<WebhookDtos.WebhookResponse> enable(UUID id, Caller caller) {
        if (repository.find(id, caller.admin(), caller.key()).isEmpty()) {
            return Optional.empty();
        }
        repository.enable(id);
        return find(id, caller);
    }

    @Transactional
    Optional<List<WebhookDtos.Delivery>> deliveries(UUID id, Caller caller, int limit) {
        return repository.find(id, caller.admin(), caller.key()).map(w -> repository.deliveries(id, limit));
    }

    @Transactional
    boolean redeliver(UUID id, long deliveryId, Caller caller) {
        return repository.find(id, caller.admin(), caller.key()).isPresent() && repository.redeliver(id, deliveryId);
    }

    private URI target(String raw) {
        URI url;
        try {
            url = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url", "is not a URL");
        }
        if (!url.isAbsolute() || url.getFragment() != null) {
            throw ProblemException.badRequest("url", "must be an absolute URL without a fragment");
        }
        String refusal = TargetGuard.refusal(url, config.allowPrivateTargets());
        if (refusal != null) {
            throw ProblemException.badRequest("url", refusal);
        }
        return url;
    }

    private static List<String> checked(String field, List<String> values, Pattern pattern, String what) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (!pattern.matcher(values.get(i)).matches()) {
                throw ProblemException.badRequest(field + "[" + i + "]", "must be " + what);
            }
        }
        return values.stream().distinct().toList();
    }
}
