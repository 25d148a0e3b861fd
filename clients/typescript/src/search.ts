// Full-text search with facets (contract v1, "Search"): GET /api/v1/search?q=...&facets=tag,section.
// Type-checked once the exported document has the path (see tsconfig.without-search.json).
import type { components, paths } from "./generated/newsroom";
import { ProblemError, type NewsroomClient } from "./client";

type SearchOperation = paths["/api/v1/search"]["get"];
export type SearchQuery = NonNullable<SearchOperation["parameters"]["query"]>;
/** A page of whole hits: what search answers when no `fields` are selected. */
export type SearchResults = components["schemas"]["SearchResult"];

export interface SearchOptions {
  /** Web-search syntax: words, "quoted phrase", OR, -excluded. */
  q: string;
  tags?: string[][];
  section?: string;
  page?: number;
  pageSize?: number;
}

/** One page of matches with highlights, and tag and section facets counted over all matches. */
export async function search(api: NewsroomClient, options: SearchOptions): Promise<SearchResults> {
  const query: SearchQuery = {
    q: options.q,
    facets: "tag,section",
    tag: options.tags ? options.tags.map((anyOf) => anyOf.join("|")).join(",") : undefined,
    section: options.section,
    page: options.page,
    pageSize: options.pageSize,
  };
  const { data, error, response } = await api.GET("/api/v1/search", { params: { query } });
  if (error) {
    throw new ProblemError(response.status, error);
  }
  // without `fields` every hit is whole (the type also allows a fields= selection)
  return data as SearchResults;
}

/** Lines for a results page: headline highlights (`<mark>` around matches, all else escaped), and the facets. */
export function describe(results: SearchResults): string[] {
  const lines = results.items.map((item) => `${item.score.toFixed(2)}  ${item.highlights?.headline ?? item.headline}`);
  for (const tag of results.facets?.tag ?? []) {
    lines.push(`tag ${tag.name} (${tag.slug}): ${tag.count}`);
  }
  for (const section of results.facets?.section ?? []) {
    lines.push(`section ${section.slug}: ${section.count}`);
  }
  if (results.items.length === 0 && results.suggestion) {
    lines.push(`Did you mean "${results.suggestion}"?`);
  }
  return lines;
}
