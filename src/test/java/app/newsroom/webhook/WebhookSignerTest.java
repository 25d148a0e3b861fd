package app.newsroom.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignerTest {

    @Test
    void shouldReproduceTheStandardWebhooksTestVector() {
        // the vector published with the Standard Webhooks reference libraries
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void shouldMakeRandomSecretsInTheStandardFormat() {
        String a = WebhookSigner.newSecret();
        assertTrue(a.matches("whsec_[A-Za-z0-9+/]{43}="), a);
        assertNotEquals(a, WebhookSigner.newSecret());
    }
}
