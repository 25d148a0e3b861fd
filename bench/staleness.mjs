// How long a committed change takes to show on another instance. Instance B is read (it keeps the article), then
// the change is committed, and B is read again in a tight loop until it answers the new version:
//   - "commit": an UPDATE committed straight to PostgreSQL (node-postgres), timed from the commit's acknowledgement;
//     no instance took part in the write, exactly as for the instance that did not make it;
//   - "edit via A": a PATCH sent to instance A, timed from sending it (so it includes the edit's own work and commit).
//   node bench/staleness.mjs http://127.0.0.1:18094 http://127.0.0.1:18095 ADMIN_KEY postgres://… [N]
import { createRequire } from "node:module";

const require = createRequire(new URL("./peer/", import.meta.url));
const { Client } = require("pg");
const [a, b, key, database, n = "200"] = process.argv.slice(2);
const auth = { Authorization: `Bearer ${key}` };
const created = await (await fetch(`${a}/api/v1/articles`, {
  method: "POST", headers: { ...auth, "Content-Type": "application/json" },
  body: JSON.stringify({ headline: `Staleness probe ${Date.now()}`, status: "published", tags: ["staleness-probe"] }),
})).json();
const url = `${b}/api/v1/articles/${created.slug}`;
const db = new Client({ connectionString: database });
await db.connect();

async function freshAfter(change, standfirst) {
  await (await fetch(url)).arrayBuffer(); // B keeps the current version
  const start = await change(standfirst);
  for (;;) {
    const body = await (await fetch(url)).json();
    if (body.standfirst === standfirst) return performance.now() - start;
  }
}
const committed = async (standfirst) => {
  await db.query("UPDATE article SET standfirst = $1, version = version + 1, updated_at = now() WHERE id = $2",
    [standfirst, created.id]);
  return performance.now(); // the commit is acknowledged (autocommit)
};
const viaA = async (standfirst) => {
  const sent = performance.now();
  fetch(`${a}/api/v1/articles/${created.id}`, {
    method: "PATCH", headers: { ...auth, "Content-Type": "application/merge-patch+json" },
    body: JSON.stringify({ standfirst }),
  }).then((r) => r.arrayBuffer());
  return sent;
};
const results = { commit: [], "edit via A": [] };
for (let i = 1; i <= Number(n); i++) {
  results.commit.push(await freshAfter(committed, `commit ${i}`));
  results["edit via A"].push(await freshAfter(viaA, `edit ${i}`));
}
const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const [what, xs] of Object.entries(results)) {
  console.log(`${what.padEnd(10)} -> B answers the new version: p50 ${pct(xs, 0.5).toFixed(1)} ms, `
    + `p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} changes)`);
}
await db.end();
await fetch(`${a}/api/v1/articles/${created.id}`, { method: "DELETE", headers: auth });
