package app.newsroom.author;

/** Examples of the author operations in the OpenAPI document. */
final class AuthorExamples {

    private AuthorExamples() {}

    static final String REQUEST = """
            { "name": "Zoë Ångström",
              "bio": "Moscow correspondent since 2019; covers Russia, Syria and the Caucasus.",
              "image": { "url": "https://images.example.com/authors/zoe-angstrom.jpg", "width": 1200, "height": 1200,
                         "alt": "Zoë Ångström", "credit": "Staff photo" },
              "links": [ { "label": "Website", "url": "https://zoe.example.com" },
                         { "label": "Mastodon", "url": "https://mastodon.social/@zoe" } ] }""";

    static final String AUTHOR = """
            { "id": "019a2b3c-5e6f-7a80-9b1c-2d3e4f5a6b7c", "slug": "zoe-angstrom", "name": "Zoë Ångström",
              "bio": "Moscow correspondent since 2019; covers Russia, Syria and the Caucasus.",
              "image": { "url": "https://images.example.com/authors/zoe-angstrom.jpg", "width": 1200, "height": 1200,
                         "alt": "Zoë Ångström", "caption": null, "credit": "Staff photo", "focalPoint": null,
                         "renditions": [
                           { "width": 320, "height": 320,
                             "url": "https://img.example.com/authors/zoe-angstrom.jpg?w=320" },
                           { "width": 1200, "height": 1200,
                             "url": "https://img.example.com/authors/zoe-angstrom.jpg?w=1200" } ],
                         "srcset": "https://img.example.com/authors/zoe-angstrom.jpg?w=320 320w, \
            https://img.example.com/authors/zoe-angstrom.jpg?w=1200 1200w" },
              "links": [ { "label": "Website", "url": "https://zoe.example.com" },
                         { "label": "Mastodon", "url": "https://mastodon.social/@zoe" } ],
              "articleCount": 42, "createdAt": "2026-11-20T08:00:00Z", "updatedAt": "2026-11-28T16:30:00Z",
              "version": 3 }""";

    static final String PAGE = """
            { "items": [ { "id": "019a2b3c-5e6f-7a80-9b1c-2d3e4f5a6b7c", "slug": "zoe-angstrom",
                           "name": "Zoë Ångström", "bio": null, "image": null, "links": [], "articleCount": 42,
                           "createdAt": "2026-11-20T08:00:00Z", "updatedAt": "2026-11-28T16:30:00Z", "version": 3 } ],
              "page": { "number": 1, "size": 20, "totalItems": 1, "totalPages": 1 } }""";

    static final String HAS_ARTICLES = """
            { "type": "urn:newsroom:problem:conflict", "title": "Conflict", "status": 409,
              "detail": "The author 'zoe-angstrom' is credited on 3 articles: remove it from them first, \
            or delete with force=true to remove it from every article",
              "instance": "/api/v1/authors/zoe-angstrom" }""";
}
