// A small typed client for the newsroom API, written against the types that openapi-typescript generates from
// the service's own OpenAPI document (see the README, "For frontend developers"). `paths` is the whole contract:
// a renamed path, parameter or field is a compile error here before it is a bug in a browser.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/newsroom";

export type Article = components["schemas"]["Article"];
export type ArticleSummary = components["schemas"]["ArticleSummary"];
export type ArticleRequest = components["schemas"]["ArticleRequest"];
export type ArticlePage = components["schemas"]["ArticlePage"];
export type ArticleCards = components["schemas"]["ArticlePageFields"];
export type Problem = components["schemas"]["Problem"];

export type NewsroomClient = ReturnType<typeof newsroom>;

/** A client for the API at `baseUrl` (e.g. "https://api.example.org"; paths start with /api/v1). */
export function newsroom(baseUrl: string) {
  return createClient<paths>({ baseUrl });
}

/** An error answer of the API: RFC 9457 problem details, with `errors` naming each bad field. */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

/**
 * Guardian-style tag filter: every group must match (`a,b`: both), and a group matches when any of its tags does
 * (`a|b`: either). `[["syria"], ["russia", "ukraine"]]` is `syria,russia|ukraine`.
 */
export function tagFilter(groups: string[][]): string {
  return groups.map((anyOf) => anyOf.join("|")).join(",");
}

export interface ListOptions {
  /** Groups of tag slugs: all groups must match, any tag within a group. */
  tags?: string[][];
  section?: string;
  language?: string;
  orderBy?: "newest" | "oldest" | "updated";
  page?: number;
  pageSize?: number;
}

/** One page of published articles, newest first, filtered by tags. */
export async function listArticles(api: NewsroomClient, options: ListOptions = {}): Promise<ArticlePage> {
  const { data, error, response } = await api.GET("/api/v1/articles", {
    params: {
      query: {
        tag: options.tags && options.tags.length > 0 ? tagFilter(options.tags) : undefined,
        section: options.section,
        language: options.language,
        orderBy: options.orderBy,
        page: options.page,
        pageSize: options.pageSize,
      },
    },
  });
  if (error) {
    throw new ProblemError(response.status, error);
  }
  // the answer is typed "whole form or a fields= selection"; without `fields` it is the whole form
  return data as ArticlePage;
}

/**
 * The newest articles as cards: only what a card shows (`fields=`), a fraction of the bytes of whole summaries. Every
 * field but `id` may be absent in the type, since the selection decides; the ones asked for are there.
 */
export async function listCards(api: NewsroomClient, tag?: string): Promise<ArticleCards> {
  const { data, error, response } = await api.GET("/api/v1/articles", {
    params: { query: { tag, fields: "slug,headline,mainImage,publishedAt", pageSize: 20 } },
  });
  if (error) {
    throw new ProblemError(response.status, error);
  }
  return data;
}

/** What a conditional read gives: the article and its ETag, or "not modified" (keep the copy you hold). */
export type CachedRead =
  | { status: "fresh"; article: Article; etag: string | null }
  | { status: "not-modified"; etag: string };

/**
 * Reads one article by slug (or id). With the ETag of a copy the caller holds, the API answers 304 without a
 * body when nothing changed: the copy is still good and nothing was transferred.
 */
export async function readArticle(api: NewsroomClient, slug: string, etag?: string): Promise<CachedRead> {
  const { data, error, response } = await api.GET("/api/v1/articles/{idOrSlug}", {
    params: {
      path: { idOrSlug: slug },
      header: etag ? { "If-None-Match": etag } : undefined,
    },
  });
  if (response.status === 304 && etag) {
    return { status: "not-modified", etag };
  }
  if (error) {
    throw new ProblemError(response.status, error);
  }
  // the operation also answers IPTC ninjs when asked (format=ninjs or Accept); this read asks for neither
  if (!("id" in data)) {
    throw new Error("expected newsroom's JSON form of the article, got ninjs");
  }
  // without `fields` the answer is the whole form (the type also allows a fields= selection)
  return { status: "fresh", article: data as Article, etag: response.headers.get("ETag") };
}

/** Creates an article with an editor's (or admin's) API key; answers it with its URL. */
export async function createArticle(
  api: NewsroomClient,
  apiKey: string,
  article: ArticleRequest,
): Promise<{ article: Article; location: string | null }> {
  const { data, error, response } = await api.POST("/api/v1/articles", {
    body: article,
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  if (error) {
    throw new ProblemError(response.status, error);
  }
  return { article: data, location: response.headers.get("Location") };
}
