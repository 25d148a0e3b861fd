// How a frontend uses the client: list by tags, read with an ETag, create with a key, search with facets.
import { createArticle, listArticles, newsroom, readArticle } from "./client";
import { describe, search } from "./search";

export async function example(baseUrl: string, editorKey: string): Promise<void> {
  const api = newsroom(baseUrl);

  const page = await listArticles(api, { tags: [["syria"], ["russia", "ukraine"]], pageSize: 10 });
  console.log(`${page.page.totalItems} articles tagged syria and (russia or ukraine)`);

  const first = page.items[0];
  if (first) {
    const read = await readArticle(api, first.slug);
    if (read.status === "fresh" && read.etag) {
      const again = await readArticle(api, first.slug, read.etag);
      console.log(again.status === "not-modified" ? "cached copy is current" : `changed: ${again.article.headline}`);
    }
  }

  const { article, location } = await createArticle(api, editorKey, {
    headline: "Syria's interim president meets Putin in Moscow",
    status: "draft",
    tags: ["Syria", "Russia"],
  });
  console.log(`created ${article.slug} (version ${article.version}) at ${location}`);

  for (const line of describe(await search(api, { q: "putin tartous" }))) {
    console.log(line);
  }
}
