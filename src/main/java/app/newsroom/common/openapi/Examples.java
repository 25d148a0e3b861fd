package app.newsroom.common.openapi;

/** OpenAPI examples, kept as text blocks in one place. */
public final class Examples {

    private Examples() {}

    public static final String ARTICLE_REQUEST = """
            {
              "headline": "Syria's interim president meets Putin in Moscow",
              "standfirst": "Ahmed al-Sharaa's first visit to the Kremlin since Assad fell puts Russia's bases on the table",
              "body": "<p>Syria's interim president, <strong>Ahmed al-Sharaa</strong>, held talks with Vladimir Putin in Moscow.</p>",
              "byline": "Staff reporter",
              "section": "world/middle-east",
              "language": "en",
              "status": "published",
              "tags": ["Syria", "Russia", "Vladimir Putin", "Ahmed al-Sharaa"],
              "relatedLinks": [
                { "title": "Syria holds first elections since Assad", "url": "https://example.org/syria-elections" },
                { "articleId": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b12" }
              ],
              "mainImage": {
                "url": "https://images.example.com/2025/10/kremlin-talks.jpg", "width": 2400, "height": 1600,
                "alt": "Two delegations seated across a long table in a gilded hall",
                "caption": "The Syrian and Russian delegations during the talks in Moscow.", "credit": "Pool photo",
                "focalPoint": { "x": 0.5, "y": 0.4 }
              },
              "authors": ["rania-aziz"]
            }""";

    public static final String ARTICLE_PATCH = """
            { "headline": "Syria's interim leader meets Putin in Moscow", "standfirst": null, "tags": ["Syria", "Russia"] }""";

    public static final String ARTICLE = """
            {
              "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
              "slug": "syrias-interim-president-meets-putin-in-moscow",
              "headline": "Syria's interim president meets Putin in Moscow",
              "standfirst": "Ahmed al-Sharaa's first visit to the Kremlin since Assad fell puts Russia's bases on the table",
              "body": "<p>Syria's interim president, <strong>Ahmed al-Sharaa</strong>, held talks with Vladimir Putin in Moscow.</p>",
              "byline": "Staff reporter",
              "section": "world/middle-east",
              "language": "en",
              "status": "published",
              "publishedAt": "2026-11-26T09:30:00Z",
              "createdAt": "2026-11-26T09:00:00Z",
              "updatedAt": "2026-11-26T09:30:00Z",
              "version": 3,
              "wordCount": 412,
              "tags": [ { "slug": "syria", "name": "Syria", "type": "place" } ],
              "relatedLinks": [
                { "id": "0193a4e2-8000-7000-8000-000000000001", "title": "Syria holds first elections since Assad",
                  "url": "https://example.org/syria-elections", "article": null, "position": 0 },
                { "id": "0193a4e2-8000-7000-8000-000000000002", "title": "Syria's worst drought in decades", "url": null,
                  "article": { "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b12", "slug": "syrias-worst-drought-in-decades",
                               "headline": "Syria's worst drought in decades" }, "position": 1 }
              ],
              "corrections": [ { "at": "2026-11-26T11:00:00Z",
                                 "text": "An earlier version misstated the day of the meeting." } ],
              "syndication": { "allowed": true, "territories": [], "note": null },
              "killReason": null,
              "killedAt": null,
              "embargoedUntil": null,
              "mainImage": {
                "url": "https://images.example.com/2025/10/kremlin-talks.jpg", "width": 2400, "height": 1600,
                "alt": "Two delegations seated across a long table in a gilded hall",
                "caption": "The Syrian and Russian delegations during the talks in Moscow.", "credit": "Pool photo",
                "focalPoint": { "x": 0.5, "y": 0.4 },
                "renditions": [
                  { "width": 640, "height": 427,
                    "url": "https://img.example.com/2025/10/kremlin-talks.jpg?w=640&fit=crop&fp-x=0.5&fp-y=0.4" },
                  { "width": 1280, "height": 853,
                    "url": "https://img.example.com/2025/10/kremlin-talks.jpg?w=1280&fit=crop&fp-x=0.5&fp-y=0.4" },
                  { "width": 2400, "height": 1600,
                    "url": "https://img.example.com/2025/10/kremlin-talks.jpg?w=2400&fit=crop&fp-x=0.5&fp-y=0.4" }
                ],
                "srcset": "https://img.example.com/2025/10/kremlin-talks.jpg?w=640&fit=crop&fp-x=0.5&fp-y=0.4 640w, \
            https://img.example.com/2025/10/kremlin-talks.jpg?w=1280&fit=crop&fp-x=0.5&fp-y=0.4 1280w, \
            https://img.example.com/2025/10/kremlin-talks.jpg?w=2400&fit=crop&fp-x=0.5&fp-y=0.4 2400w"
              },
              "authors": [
                { "slug": "rania-aziz", "name": "Rania Aziz",
                  "bio": "Covers Syria and Lebanon from Beirut.", "image": null }
              ]
            }""";

    public static final String IMPORT_REPORT = """
            { "lines": [ { "line": 1, "result": "created", "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
                           "slug": "syrias-worst-drought-in-decades" },
                         { "line": 2, "result": "error",
                           "errors": [ { "field": "headline", "message": "must not be blank" } ] } ],
              "totals": { "lines": 2, "created": 1, "updated": 0, "failed": 1 } }""";

    public static final String IMPORT_TOO_LARGE = """
            { "type": "urn:newsroom:problem:payload-too-large", "title": "Payload too large", "status": 413,
              "detail": "The request body has 80000000 bytes; this operation accepts at most 67108864.",
              "instance": "/api/v1/articles/import" }""";

    public static final String NINJS = """
            {
              "uri": "urn:newsroom:article:0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
              "standard": { "name": "ninjs", "version": "2.2",
                            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json" },
              "type": "text",
              "representationtype": "full",
              "version": "3",
              "firstcreated": "2026-11-26T09:00:00Z",
              "versioncreated": "2026-11-26T09:30:00Z",
              "pubstatus": "usable",
              "ednote": "Correction (2026-11-26): An earlier version misstated the day of the meeting.",
              "language": "en",
              "slugline": "syrias-interim-president-meets-putin-in-moscow",
              "by": "Staff reporter",
              "headlines": [ { "role": "main", "contenttype": "text/plain",
                               "value": "Syria's interim president meets Putin in Moscow" } ],
              "descriptions": [
                { "role": "summary", "contenttype": "text/plain",
                  "value": "Ahmed al-Sharaa's first visit to the Kremlin since Assad fell puts Russia's bases on the table" }
              ],
              "bodies": [
                { "role": "main", "contenttype": "text/html",
                  "value": "<p>Syria's interim president, <strong>Ahmed al-Sharaa</strong>, held talks with Vladimir Putin in Moscow.</p>" }
              ],
              "places": [ { "name": "Syria", "uri": "urn:newsroom:tag:syria", "literal": "syria" } ],
              "associations": [
                { "name": "related-1", "uri": "https://example.org/syria-elections", "type": "text",
                  "representationtype": "partial",
                  "headlines": [ { "value": "Syria holds first elections since Assad" } ] },
                { "name": "related-2", "uri": "urn:newsroom:article:0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b12", "type": "text",
                  "representationtype": "partial", "headlines": [ { "value": "Syria's worst drought in decades" } ] }
              ],
              "altids": [ { "role": "id", "value": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11" },
                          { "role": "slug", "value": "syrias-interim-president-meets-putin-in-moscow" } ]
            }""";

    public static final String ARTICLE_PAGE = """
            {
              "items": [
                {
                  "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
                  "slug": "syrias-interim-president-meets-putin-in-moscow",
                  "headline": "Syria's interim president meets Putin in Moscow",
                  "standfirst": "Ahmed al-Sharaa's first visit to the Kremlin since Assad fell",
                  "byline": "Staff reporter",
                  "section": "world/middle-east",
                  "language": "en",
                  "status": "published",
                  "publishedAt": "2026-11-26T09:30:00Z",
                  "createdAt": "2026-11-26T09:00:00Z",
                  "updatedAt": "2026-11-26T09:30:00Z",
                  "version": 3,
                  "wordCount": 412,
                  "tags": [ { "slug": "syria", "name": "Syria", "type": "place" } ],
                  "relatedLinks": [],
                  "mainImage": {
                    "url": "https://images.example.com/2025/10/kremlin-talks.jpg", "width": 2400, "height": 1600,
                    "alt": "Two delegations seated across a long table in a gilded hall",
                    "caption": null, "credit": "Pool photo", "focalPoint": null,
                    "renditions": [ { "width": 2400, "height": 1600,
                                      "url": "https://images.example.com/2025/10/kremlin-talks.jpg" } ],
                    "srcset": "https://images.example.com/2025/10/kremlin-talks.jpg 2400w"
                  },
                  "authors": [ { "slug": "rania-aziz", "name": "Rania Aziz" } ]
                }
              ],
              "page": { "number": 1, "size": 20, "totalItems": 1, "totalPages": 1 }
            }""";

    public static final String SEARCH_RESULT = """
            {
              "items": [
                {
                  "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
                  "slug": "syrias-interim-president-meets-putin-in-moscow",
                  "headline": "Syria's interim president meets Putin in Moscow",
                  "standfirst": "Ahmed al-Sharaa's first visit to the Kremlin since Assad fell",
                  "byline": "Staff reporter",
                  "section": "world/middle-east",
                  "language": "en",
                  "status": "published",
                  "publishedAt": "2026-11-26T09:30:00Z",
                  "createdAt": "2026-11-26T09:00:00Z",
                  "updatedAt": "2026-11-26T09:30:00Z",
                  "version": 3,
                  "wordCount": 412,
                  "tags": [ { "slug": "syria", "name": "Syria", "type": "place" } ],
                  "relatedLinks": [],
                  "mainImage": null,
                  "authors": [ { "slug": "rania-aziz", "name": "Rania Aziz" } ],
                  "score": 2.4183,
                  "highlights": {
                    "headline": "Syria&#39;s interim president meets <mark>Putin</mark> in Moscow",
                    "body": "… talks with <mark>Putin</mark> covered the naval port in Tartous and the air base at Hmeimim …"
                  }
                }
              ],
              "page": { "number": 1, "size": 20, "totalItems": 1, "totalPages": 1 },
              "facets": {
                "tag": [ { "slug": "syria", "name": "Syria", "count": 1 } ],
                "section": [ { "slug": "world/middle-east", "count": 1 } ]
              },
              "suggestion": null
            }""";

    public static final String SEARCH_EMPTY = """
            {
              "items": [],
              "page": { "number": 1, "size": 20, "totalItems": 0, "totalPages": 0 },
              "facets": null,
              "suggestion": "tartous"
            }""";

    public static final String SUGGESTIONS = """
            {
              "items": [
                { "type": "tag", "text": "Vladimir Putin", "slug": "vladimir-putin", "id": null },
                { "type": "article", "text": "Syria's interim president meets Putin in Moscow",
                  "slug": "syrias-interim-president-meets-putin-in-moscow", "id": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11" }
              ]
            }""";

    public static final String RELATED = """
            {
              "items": [
                {
                  "id": "0193a4e2-8d2b-7c4f-8e1a-3a7d2f1b6c22",
                  "slug": "russia-seeks-to-keep-its-bases-in-syria",
                  "headline": "Russia seeks to keep its bases in Syria",
                  "standfirst": "Tartous and Hmeimim are Moscow's only military footholds on the Mediterranean",
                  "byline": "Staff reporter",
                  "section": "world/middle-east",
                  "language": "en",
                  "status": "published",
                  "publishedAt": "2026-11-20T08:00:00Z",
                  "createdAt": "2026-11-20T07:40:00Z",
                  "updatedAt": "2026-11-20T08:00:00Z",
                  "version": 1,
                  "wordCount": 388,
                  "tags": [ { "slug": "syria", "name": "Syria", "type": "place" },
                            { "slug": "tartous", "name": "Tartous", "type": "place" } ],
                  "relatedLinks": [],
                  "mainImage": null,
                  "authors": [],
                  "score": 7.21,
                  "sharedTags": [ "syria", "tartous" ]
                }
              ]
            }""";

    public static final String TAG_REQUEST = """
            { "name": "Vladimir Putin", "type": "person", "description": "President of Russia" }""";

    public static final String TAG = """
            { "slug": "vladimir-putin", "name": "Vladimir Putin", "type": "person", "description": "President of Russia",
              "articleCount": 12, "createdAt": "2026-11-20T08:00:00Z", "updatedAt": "2026-11-20T08:00:00Z" }""";

    public static final String TAG_PAGE = """
            { "items": [ { "slug": "vladimir-putin", "name": "Vladimir Putin", "type": "person", "description": null,
                           "articleCount": 12, "createdAt": "2026-11-20T08:00:00Z", "updatedAt": "2026-11-20T08:00:00Z" } ],
              "page": { "number": 1, "size": 20, "totalItems": 1, "totalPages": 1 } }""";

    public static final String SECTIONS = """
            { "items": [ { "slug": "world/middle-east", "articleCount": 12 }, { "slug": "world/europe", "articleCount": 4 } ] }""";

    public static final String PROBLEM_VALIDATION = """
            { "type": "urn:newsroom:problem:validation", "title": "Invalid request", "status": 400,
              "detail": "Invalid value for 'headline': must not be blank", "instance": "/api/v1/articles",
              "errors": [ { "field": "headline", "message": "must not be blank" } ] }""";

    public static final String PROBLEM_NOT_FOUND = """
            { "type": "urn:newsroom:problem:not-found", "title": "Not found", "status": 404,
              "detail": "No published article with id or slug 'no-such-story'", "instance": "/api/v1/articles/no-such-story" }""";

    public static final String PROBLEM_CONFLICT = """
            { "type": "urn:newsroom:problem:conflict", "title": "Conflict", "status": 409,
              "detail": "The slug 'syria-talks' is taken by another article", "instance": "/api/v1/articles",
              "errors": [ { "field": "slug", "message": "The slug 'syria-talks' is taken by another article" } ] }""";

    public static final String PROBLEM_GONE = """
            { "type": "urn:newsroom:problem:cursor-expired", "title": "Cursor expired", "status": 410,
              "detail": "This cursor is older than the retained change log; resync from the beginning (omit 'since').",
              "instance": "/api/v1/changes" }""";

    public static final String PROBLEM_PRECONDITION = """
            { "type": "urn:newsroom:problem:precondition-failed", "title": "Precondition failed", "status": 412,
              "detail": "If-Match does not match the current ETag \\"k3vB0x6Vr0l8dQm1Zx2yHg\\"; read the resource again",
              "instance": "/api/v1/articles/0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11" }""";

    public static final String PROBLEM_UNSUPPORTED = """
            { "type": "urn:newsroom:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
              "detail": "This resource does not accept the request's Content-Type; send application/json.",
              "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_UNAVAILABLE = """
            { "type": "urn:newsroom:problem:service-unavailable", "title": "Service unavailable", "status": 503,
              "detail": "The database is unavailable; retry later.", "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_NOT_ACCEPTABLE = """
            { "type": "urn:newsroom:problem:not-acceptable", "title": "Not acceptable", "status": 406,
              "detail": "This resource cannot produce the media type named in the Accept header.",
              "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_INTERNAL = """
            { "type": "urn:newsroom:problem:internal", "title": "Internal server error", "status": 500,
              "detail": "An unexpected error occurred; it has been logged as incident 5f0c9a8e-2b1d-4c55-9d7e-0b8f3f1a2c44.",
              "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_UNAUTHORIZED = """
            { "type": "urn:newsroom:problem:unauthorized", "title": "Unauthorized", "status": 401,
              "detail": "This operation needs an API key: send Authorization: Bearer <key>.", "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_FORBIDDEN = """
            { "type": "urn:newsroom:problem:forbidden", "title": "Forbidden", "status": 403,
              "detail": "This API key's role does not allow this operation.", "instance": "/api/v1/keys" }""";

    public static final String PROBLEM_RATE_LIMITED = """
            { "type": "urn:newsroom:problem:rate-limited", "title": "Too many requests", "status": 429,
              "detail": "The rate limit of this key (or client address) is used up; retry after 12 seconds.",
              "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_TOO_LARGE = """
            { "type": "urn:newsroom:problem:payload-too-large", "title": "Payload too large", "status": 413,
              "detail": "The request body has 2000000 bytes; this operation accepts at most 1048576.",
              "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_URI_TOO_LONG = """
            { "type": "urn:newsroom:problem:uri-too-long", "title": "URI too long", "status": 414,
              "detail": "The request URL has 20480 characters; at most 16384 are accepted.",
              "instance": "/api/v1/articles" }""";

    public static final String PROBLEM_HEADERS_TOO_LARGE = """
            { "type": "urn:newsroom:problem:header-fields-too-large", "title": "Request header fields too large",
              "status": 431, "detail": "The request headers take 20000 bytes; at most 16384 are accepted.",
              "instance": "/api/v1/articles" }""";

    public static final String CHANGES = """
            { "changes": [
                { "type": "upsert", "articleId": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
                  "slug": "syrias-interim-president-meets-putin-in-moscow", "at": "2026-11-26T09:30:00Z",
                  "article":""" + ARTICLE + """
                },
                { "type": "delete", "articleId": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b12",
                  "slug": "withdrawn-story", "at": "2026-11-26T09:31:00Z" } ],
              "next": "YzIuNzQ1LjEyLjA", "hasMore": false }""";

    /** Two lines of an import body; set as a string by OpenApiErrors (an annotation would parse its first line). */
    public static final String IMPORT_NDJSON = """
            {"headline": "Syria's worst drought in decades", "status": "published", "tags": ["Syria"]}
            {"slug": "syrias-interim-president-meets-putin-in-moscow", "headline": "Syria's leader meets Putin", "status": "published"}
            """;
}
