// A thin HTTP -> SQL peer for bench/reads.sh: what a hand-rolled PostgREST-style layer does. One SQL statement per
// request builds the JSON answer in PostgreSQL (the same statements as bench/sql/reads/, which pgbench runs raw);
// 2 worker processes, each with a pool of 4 connections. No ETags, no caching, no rate limits, no validation.
//   DATABASE_URL=postgres://postgres:postgres@127.0.0.1/newsroom_bench PORT=18093 node bench/peer/server.js
const cluster = require("node:cluster");
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const { Pool } = require("pg");

if (cluster.isPrimary) {
  for (let i = 0; i < 2; i++) cluster.fork();
  cluster.on("exit", () => process.exit(1));
} else {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const sql = (name) => fs.readFileSync(path.join(__dirname, "..", "sql", "reads", name), "utf8")
    .split("\n").filter((l) => !l.startsWith("--") && !l.startsWith("\\")).join("\n")
    .replace(/:slug|:tag/g, "$1");
  const statements = { article: sql("article.sql"), newest: sql("newest.sql"), tag: sql("tag.sql") };
  const answer = async (res, name, args) => {
    const result = await pool.query({ name, text: statements[name], values: args });
    const json = result.rows[0] && result.rows[0].json;
    if (json === null || json === undefined) {
      res.writeHead(404, { "Content-Type": "application/json" }).end('{"status":404}');
    } else {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(json));
    }
  };
  http.createServer((req, res) => {
    const url = new URL(req.url, "http://peer");
    const slug = url.pathname.match(/^\/articles\/([a-z0-9-]+)$/);
    const work = slug ? answer(res, "article", [slug[1]])
      : url.pathname === "/articles" && url.searchParams.get("tag") ? answer(res, "tag", [url.searchParams.get("tag")])
        : url.pathname === "/articles" ? answer(res, "newest", [])
          : Promise.resolve(res.writeHead(404).end());
    work.catch((e) => res.writeHead(500).end(String(e)));
  }).listen(Number(process.env.PORT || 18093), "127.0.0.1");
}
