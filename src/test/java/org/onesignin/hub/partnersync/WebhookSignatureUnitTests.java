package org.onesignin.hub.partnersync;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Standard Webhooks signatures, checked against the specification's reference example.
 */
class WebhookSignatureUnitTests {

	@Test
	void signsTheReferenceExampleOfStandardWebhooks() {
		// the example's secret is 24 bytes, below the hub's minimum
		WebhookSignature signature = WebhookSignature
			.ofBytes(java.util.Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

		String signed = signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signed).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void takesASecretWithOrWithoutItsWhsecPrefix() {
		String secret = "c29ueS1tdXNpYy13ZWJob29rLXNpZ25pbmctc2VjcmV0LTMyYg==";
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		assertThat(WebhookSignature.withSecret("whsec_" + secret).sign("msg", 1, body))
			.isEqualTo(WebhookSignature.withSecret(secret).sign("msg", 1, body));
	}

	@Test
	void refusesASecretShorterThan32BytesOrNotBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.withSecret("c2hvcnQ="));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.withSecret("not base64!"));
	}

}
