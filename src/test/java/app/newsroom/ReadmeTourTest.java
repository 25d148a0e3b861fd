package app.newsroom;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's curl tour works as written: the bash blocks of its "A tour with curl" section run, in order, against
 * this test application (the README's {@code http://localhost:8080} and dev-mode admin key become the test's), with
 * {@code set -euo pipefail}, so a command whose answer is not what the next one expects (a 404 problem where jq looks
 * for items) stops it. What the tour shows is checked in its output.
 *
 * <p>Needs bash, curl and jq; without them it is skipped, unless {@code -Dreadme-tour=true} (as {@code .ci/run}
 * passes) requires it.
 */
@QuarkusTest
class ReadmeTourTest {

    static final Path README = Path.of("README.md");
    static final String SECTION = "## A tour with curl";
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRunTheReadmeTourAsWritten() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("bash", "curl", "jq")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!Boolean.getBoolean("readme-tour")) {
            Assumptions.assumeTrue(
                    missing.isEmpty(),
                    "README tour skipped: " + missing
                            + " not installed; run with -Dreadme-tour=true to require it (.ci/run does)");
        }
        assertTrue(missing.isEmpty(), "the README tour needs " + missing);

        String base = root.getProtocol() + "://" + root.getAuthority();
        // commands are traced to a file of their own, so that a failure names the command without mixing into the
        // output
        String script = "set -euo pipefail\nexec 9>trace.log\nBASH_XTRACEFD=9\nset -x\n"
                + tour(Files.readString(README, StandardCharsets.UTF_8))
                        .replace("http://localhost:8080", base)
                        .replace("dev-admin-key-for-local-development-only", Fixtures.ADMIN_KEY);
        Path dir = Files.createTempDirectory("readme-tour");
        Path log = dir.resolve("tour.log");
        Process bash = new ProcessBuilder("bash", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = bash.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            bash.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String trace = Files.readString(dir.resolve("trace.log"), StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(finished, "the tour did not finish in 2 minutes:\n" + output);
        assertEquals(
                0,
                bash.exitValue(),
                "a command of the README tour failed; the last ones run:\n"
                        + trace.substring(Math.max(0, trace.length() - 1500)) + "\nits output:\n" + output);
        for (String shown : List.of(
                "HTTP/1.1 304",
                "\"headline\": \"Syria's interim leader meets Putin\"",
                "\"version\": 2",
                "rel=\"first\"",
                "\"status\": 400",
                "\"field\": \"headline\"",
                "Vladimir Putin",
                "rel=\"last\"",
                "<title>Syria's interim leader meets Putin</title>",
                "\"byline\": \"Lina Haddad\"",
                "\"articleCount\": 1",
                "\"mainImage\"",
                "\"status\": \"draft\"")) {
            assertTrue(output.contains(shown), "the tour's output lacks " + shown + ":\n" + output);
        }
        assertFalse(output.contains("\"status\": 404"), output);
        assertFalse(output.contains("\"total\": 0"), "the tour's search found nothing:\n" + output);
    }

    /** The bash blocks of the tour section, in order. */
    static String tour(String readme) {
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "the README has no section '" + SECTION + "'");
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        StringBuilder script = new StringBuilder();
        Matcher block = BASH_BLOCK.matcher(section);
        while (block.find()) {
            script.append(block.group(1)).append('\n');
        }
        assertFalse(script.isEmpty(), "the tour section has no bash block");
        return script.toString();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
