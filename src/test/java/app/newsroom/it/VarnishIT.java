package app.newsroom.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Varnish (Debian's, with the xkey vmod of varnish-modules) in front of the packaged service, with the VCL the
 * repository ships ({@code deploy/varnish/newsroom.vcl}) and the service purging it ({@code newsroom.cdn.purge-url}):
 * a second anonymous read is a hit; an edit purges exactly the article and the lists that show it; an editor's read
 * is never kept.
 *
 * <p>Needs {@code varnishd} and the xkey vmod; without them it is skipped, unless {@code -Dvarnish-tests=true} (as
 * {@code .ci/run} passes, after installing both) requires it.
 */
class VarnishIT {

    static final Path VCL = Path.of("deploy/varnish/newsroom.vcl");
    static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

    static ItDatabase database;
    static PackagedService service;
    static Process varnish;
    static String front;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(VARNISHD);
        if (!Boolean.getBoolean("varnish-tests")) {
            Assumptions.assumeTrue(
                    installed,
                    "Varnish test skipped: no " + VARNISHD + " (apt-get install varnish "
                            + "varnish-modules); run with -Dvarnish-tests=true to require it (.ci/run does)");
        }
        assertTrue(installed, "the Varnish test needs " + VARNISHD + " and varnish-modules");
        int varnishPort = PackagedService.freePort();
        database = new ItDatabase();
        service = PackagedService.start(
                database, Map.of("NEWSROOM_CDN_PURGE_URL", "http://127.0.0.1:" + varnishPort + "/"));
        Path work = Files.createTempDirectory("newsroom-varnish");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path vcl = work.resolve("newsroom.vcl");
        // the shipped VCL, pointed at this test's service instead of the compose service `app`
        Files.writeString(
                vcl,
                Files.readString(VCL, StandardCharsets.UTF_8)
                        .replace(".host = \"app\";", ".host = \"127.0.0.1\";")
                        .replace(".port = \"8080\";", ".port = \"" + service.port + "\";"),
                StandardCharsets.UTF_8);
        varnish = new ProcessBuilder(
                        VARNISHD.toString(),
                        "-F",
                        "-n",
                        work.resolve("state").toString(),
                        "-a",
                        "127.0.0.1:" + varnishPort,
                        "-T",
                        "127.0.0.1:0",
                        "-f",
                        vcl.toString(),
                        "-s",
                        "malloc,64m")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("varnish.log").toFile())
                .start();
        front = "http://127.0.0.1:" + varnishPort;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!varnish.isAlive()) {
                throw new IllegalStateException("varnishd exited:\n" + Files.readString(work.resolve("varnish.log")));
            }
            try {
                if (Http.get(front + "/api/v1/sections").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("varnishd did not answer in 30 s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (varnish != null) {
            varnish.destroy();
            varnish.waitFor(10, TimeUnit.SECONDS);
        }
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static JsonNode create(String headline, String tag) throws Exception {
        Http.Answer created = Http.write("POST", service.base + "/api/v1/articles", """
                {"headline": "%s", "status": "published", "tags": ["%s"]}""".formatted(headline, tag));
        assertEquals(201, created.status(), created.response().body());
        return created.json();
    }

    @Test
    void shouldServeASecondAnonymousReadFromVarnishAndPurgeExactlyWhatAnEditChanges() throws Exception {
        String t = "t" + UUID.randomUUID().toString().substring(0, 8);
        String u = "u" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode edited = create("To be edited " + t, t);
        create("Left alone " + u, u);
        String article = front + "/api/v1/articles/" + edited.get("slug").asText();
        String showsIt = front + "/api/v1/articles?tag=" + t;
        String doesNot = front + "/api/v1/articles?tag=" + u;
        for (String url : new String[] {article, showsIt, doesNot}) {
            assertEquals("MISS", Http.get(url).header("X-Cache"), url);
            Http.Answer second = Http.get(url);
            assertEquals("HIT", second.header("X-Cache"), url);
            assertNull(second.header("Surrogate-Key"), "the keys stay in the cache");
        }

        Http.Answer patched = Http.write(
                "PATCH", service.base + "/api/v1/articles/" + edited.get("id").asText(), """
                {"headline": "Edited %s"}""".formatted(t));
        assertEquals(200, patched.status());
        // the purge is sent in the background after the commit: the next reads are fresh, from the service
        MultiInstanceIT.eventually(
                () -> Http.get(article).json().get("headline").asText(), "Edited " + t);
        MultiInstanceIT.eventually(
                () -> Http.get(showsIt).json().at("/items/0/headline").asText(), "Edited " + t);
        assertEquals("HIT", Http.get(doesNot).header("X-Cache"), "a list that does not show the article stays");
        assertEquals("HIT", Http.get(article).header("X-Cache"), "and the fresh copy is kept again");
    }

    @Test
    void shouldNeverKeepAnswersToAKey() throws Exception {
        String t = "t" + UUID.randomUUID().toString().substring(0, 8);
        String id = create("Read by an editor " + t, t).get("id").asText();
        for (int i = 0; i < 3; i++) {
            Http.Answer keyed =
                    Http.get(front + "/api/v1/articles/" + id, "Authorization", "Bearer " + PackagedService.ADMIN_KEY);
            assertEquals(200, keyed.status());
            assertEquals("MISS", keyed.header("X-Cache"));
            assertEquals("private, no-cache", keyed.header("Cache-Control"));
        }
        // nor does a keyed read leave anything an anonymous one could get
        assertEquals("MISS", Http.get(front + "/api/v1/articles/" + id).header("X-Cache"));
    }

    @Test
    void shouldRefuseAPurgeFromOutside() throws Exception {
        // the purge ACL allows loopback: this only checks that a purge without keys is refused, not ignored
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(front + "/"))
                                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode());
    }
}
