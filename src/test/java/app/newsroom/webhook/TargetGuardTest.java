package app.newsroom.webhook;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetGuardTest {

    private static String refusal(String url) {
        return TargetGuard.refusal(URI.create(url), false);
    }

    @Test
    void shouldRefuseInternalAddressesAfterResolution() {
        for (String url : new String[] {
            "https://127.0.0.1/hook",
            "https://localhost/hook", // a name that resolves to loopback
            "https://[::1]/hook",
            "https://10.1.2.3/hook",
            "https://172.16.0.1/hook",
            "https://192.168.1.1/hook",
            "https://169.254.169.254/latest/meta-data/", // cloud metadata
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://[fe80::1]/hook",
            "https://[fd00::1]/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://224.0.0.1/hook",
            "https://255.255.255.255/hook"
        }) {
            String why = refusal(url);
            assertNotNull(why, url);
            assertTrue(why.contains("not public"), url + ": " + why);
        }
    }

    @Test
    void shouldRequireHttpsAndAHostWithoutCredentials() {
        assertTrue(refusal("http://93.184.216.34/hook").contains("https"));
        assertTrue(refusal("ftp://93.184.216.34/hook").contains("https"));
        assertTrue(refusal("https://user:pw@93.184.216.34/hook").contains("credentials"));
        assertNull(refusal("https://93.184.216.34/hook"));
        assertNull(refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"));
    }

    @Test
    void shouldAllowPrivateTargetsOnlyWhenConfigured() {
        assertNull(TargetGuard.refusal(URI.create("http://127.0.0.1:8080/hook"), true));
        assertNotNull(TargetGuard.refusal(URI.create("ftp://127.0.0.1/hook"), true));
    }
}
