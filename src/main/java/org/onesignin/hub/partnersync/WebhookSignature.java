package org.onesignin.hub.partnersync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks signature: HMAC-SHA256 with the secret's decoded bytes over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, sent as {@code v1,<base64>}.
 */
public final class WebhookSignature {

	/** The least secret length, in bytes after decoding. */
	public static final int MIN_SECRET_BYTES = 32;

	private final byte[] secret;

	private WebhookSignature(byte[] secret) {
		this.secret = secret;
	}

	/**
	 * The signer for a base64 secret, refused when it is not base64 of 32 bytes or more.
	 */
	public static WebhookSignature withSecret(String base64) {
		// Standard Webhooks' secrets may carry their whsec_ prefix
		String encoded = base64.strip();
		if (encoded.startsWith("whsec_")) {
			encoded = encoded.substring("whsec_".length());
		}
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A webhook secret must be base64");
		}
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("A webhook secret must be at least " + MIN_SECRET_BYTES + " bytes");
		}
		return ofBytes(secret);
	}

	/**
	 * The signer for secret bytes, whatever their length (the hub asks for 32 or more).
	 */
	static WebhookSignature ofBytes(byte[] secret) {
		return new WebhookSignature(secret.clone());
	}

	/** The {@code webhook-signature} header's value. */
	public String sign(String id, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
