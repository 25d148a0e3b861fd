// Drives Swagger UI in a real browser (Debian's Chromium through playwright-core; Playwright never downloads one):
// opens /q/swagger-ui, tries GET /api/v1/articles and sees a 200 with the sample article, authorizes with an API key
// and creates an article (201). Checks the padlocks: open on an operation anyone may call, closed on one that needs a
// key until the key is given. Fails when the page loads anything from another origin.
// Run by SwaggerUiBrowserTest:
//   node src/test/browser/swagger-ui.mjs BASE_URL API_KEY TAG HEADLINE SCREENSHOT
// Exit code 0 and a last line "swagger-ui: ok" when everything was seen; 1 with the reason otherwise.
import { chromium } from "playwright-core";

const [baseUrl, apiKey, tag, headline, screenshot] = process.argv.slice(2);
if (!baseUrl || !apiKey || !tag || !headline || !screenshot) {
  console.error("usage: swagger-ui.mjs BASE_URL API_KEY TAG HEADLINE SCREENSHOT");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const origin = new URL(baseUrl).origin;
const STEP_TIMEOUT = 30_000;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // no sandbox: CI runs as root; the rest keeps Chromium off the network, which this machine does not have
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic", "--disable-dev-shm-usage"],
});
const external = [];
let failure = null;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on("request", (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && new URL(url).origin !== origin) {
      external.push(url);
    }
  });
  page.on("pageerror", (error) => console.log(`page error: ${error.message}`));

  await page.goto(`${baseUrl}/q/swagger-ui/`, { waitUntil: "networkidle" });
  await page.locator(".swagger-ui .info .title").filter({ hasText: "newsroom API" }).waitFor();
  console.log("swagger-ui: loaded");

  // padlocks before any key: anyone may list articles (open); creating one needs a key (closed)
  const padlock = (operation) => page.locator(`#operations-Articles-${operation} .authorization__btn`).first()
    .getAttribute("aria-label");
  const expectPadlock = async (operation, expected) => {
    const label = await padlock(operation);
    if (label !== `authorization button ${expected}`) {
      throw new Error(`the padlock of ${operation} is "${label}", expected ${expected}`);
    }
  };
  await expectPadlock("listArticles", "unlocked");
  await expectPadlock("createArticle", "locked");
  console.log("swagger-ui: padlocks open on public reads, closed on writes");

  // GET /api/v1/articles: expand, Try it out, filter by the sample's tag, Execute, see 200 and the article
  const list = page.locator("#operations-Articles-listArticles");
  await list.locator(".opblock-summary").first().click();
  await list.getByRole("button", { name: "Try it out" }).click();
  await list.locator('tr[data-param-name="tag"] input').fill(tag);
  await list.getByRole("button", { name: "Execute" }).click();
  const listStatus = list.locator(".live-responses-table .response .response-col_status").first();
  await listStatus.waitFor();
  const listCode = (await listStatus.innerText()).trim();
  const listBody = await list.locator(".live-responses-table .response .highlight-code").first().innerText();
  console.log(`swagger-ui: GET /api/v1/articles?tag=${tag} answered ${listCode}`);
  if (!listCode.startsWith("200") || !listBody.includes(headline)) {
    throw new Error(`GET /api/v1/articles: expected 200 with "${headline}", saw ${listCode}: ${listBody.slice(0, 500)}`);
  }
  // the operation from its summary line to the live response, for the README
  await page.setViewportSize({ width: 1280, height: 2000 });
  await list.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: screenshot });
  await page.setViewportSize({ width: 1280, height: 1000 });
  console.log(`swagger-ui: screenshot ${screenshot}`);

  // Authorize with the key, then POST /api/v1/articles with the example body: 201
  // (CSS, not roles: Swagger UI labels the dialog's buttons "Apply credentials" and "Close this dialog")
  await page.locator(".auth-wrapper button.authorize").first().click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  await dialog.locator(".auth-container input").first().fill(apiKey);
  await dialog.locator(".auth-btn-wrapper button.authorize").first().click();
  await dialog.locator(".auth-btn-wrapper button.btn-done").first().click();
  console.log("swagger-ui: authorized");
  await expectPadlock("createArticle", "unlocked");

  const create = page.locator("#operations-Articles-createArticle");
  await create.locator(".opblock-summary").first().click();
  await create.getByRole("button", { name: "Try it out" }).click();
  const created = `Created in Swagger UI ${tag}`;
  await create.locator("textarea.body-param__text").fill(JSON.stringify({
    headline: created, status: "draft", tags: [tag],
  }, null, 2));
  await create.getByRole("button", { name: "Execute" }).click();
  const createStatus = create.locator(".live-responses-table .response .response-col_status").first();
  await createStatus.waitFor();
  const createCode = (await createStatus.innerText()).trim();
  const createBody = await create.locator(".live-responses-table .response .highlight-code").first().innerText();
  console.log(`swagger-ui: POST /api/v1/articles answered ${createCode}`);
  if (!createCode.startsWith("201") || !createBody.includes(created)) {
    throw new Error(`POST /api/v1/articles: expected 201 with "${created}", saw ${createCode}: ${createBody.slice(0, 500)}`);
  }
  if (external.length > 0) {
    throw new Error(`Swagger UI loaded resources from other origins: ${[...new Set(external)].join(", ")}`);
  }
} catch (error) {
  failure = error;
} finally {
  await browser.close();
}
if (failure) {
  console.log(`swagger-ui: FAILED: ${failure.message}`);
  process.exit(1);
}
console.log("swagger-ui: ok");
