package org.onesignin.hub.signin;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.onesignin.hub.signin.SigningKeyStore.StoredSigningKey;

/**
 * The sign-in server's signing keys, kept in the store so that every instance signs with
 * the same key and trusts the same ones: the first instance to need a key for the current
 * rotation slot generates it (a second one racing it keeps the first's), a key signs for
 * {@code hub.sign-in.key-rotation-period}, and a retired key stays published (in the
 * JWKS, and trusted by the hub itself) until every token it signed has expired.
 *
 * <p>
 * As a {@link JWKSource} it serves every published key (the JWKS endpoint and the hub's
 * own token check, which reloads once when it meets an unknown key id);
 * {@link #forSigning()} serves only the current one.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

	/** How long an instance trusts its copy of the published keys. */
	private static final Duration RELOAD = Duration.ofSeconds(10);

	/** How often an unknown key id may cause a reload. */
	private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(1);

	/** Allowed clock difference between instances and token holders. */
	private static final Duration SKEW = Duration.ofMinutes(1);

	private final SigningKeyStore store;

	private final Duration rotation;

	private final Duration tokenLifetime;

	/**
	 * How long before its slot a key is published, so that relying parties that cache the
	 * JWKS know it before it signs anything.
	 */
	private final Duration lead;

	private final Clock clock;

	private volatile Loaded loaded;

	SigningKeys(SigningKeyStore store, Duration rotation, Duration tokenLifetime, Clock clock) {
		if (rotation.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("hub.sign-in.key-rotation-period must be at least one second");
		}
		this.store = store;
		this.rotation = rotation;
		this.tokenLifetime = tokenLifetime;
		this.lead = (rotation.dividedBy(2).compareTo(Duration.ofDays(1)) < 0) ? rotation.dividedBy(2)
				: Duration.ofDays(1);
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		// the JWKS always holds the key that signs now, even before it first signed
		current();
		Instant now = this.clock.instant();
		List<JWK> found = selector.select(loaded(now, false).published);
		if (found.isEmpty() && selector.getMatcher().getKeyIDs() != null) {
			found = selector.select(loaded(now, true).published);
		}
		return found;
	}

	/** A source of the one key that signs now. */
	public JWKSource<SecurityContext> forSigning() {
		return (selector, context) -> selector.select(new JWKSet(current()));
	}

	/**
	 * The key that signs now, generated (once, across instances) when its slot begins
	 * unless it was published ahead; the next slot's key is published ahead.
	 */
	JWK current() {
		Instant now = this.clock.instant();
		Instant slot = slotOf(now);
		Loaded known = loaded(now, false);
		JWK active = known.active(now);
		if (active == null) {
			generate(slot, now);
			known = reload(now);
			active = known.active(now);
		}
		if (active == null) {
			throw new IllegalStateException("No signing key is active");
		}
		Instant next = slot.plus(this.rotation);
		if (!now.isBefore(next.minus(this.lead)) && !known.hasSlotFrom(next)) {
			generate(next, now);
			reload(now);
		}
		return active;
	}

	private Instant slotOf(Instant now) {
		long period = this.rotation.toMillis();
		return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), period));
	}

	private Loaded loaded(Instant now, boolean unknownKeyId) {
		Loaded known = this.loaded;
		if (known == null || now.isAfter(known.at.plus(RELOAD))
				|| (unknownKeyId && now.isAfter(known.at.plus(UNKNOWN_KID_RELOAD)))) {
			return reload(now);
		}
		return known;
	}

	private Loaded reload(Instant now) {
		Loaded fresh = new Loaded(now, this.store.published(now));
		this.loaded = fresh;
		return fresh;
	}

	private void generate(Instant from, Instant now) {
		long period = this.rotation.toMillis();
		Instant until = from.plus(this.rotation);
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.issueTime(java.util.Date.from(now))
				.generate();
			this.store.insertIfAbsent(new StoredSigningKey(from.toEpochMilli() + "+" + period, key.toJSONString(), from,
					until, until.plus(this.tokenLifetime).plus(SKEW)));
			this.store.removeUnpublished(now);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a signing key", ex);
		}
	}

	private static final class Loaded {

		private final Instant at;

		private final List<StoredSigningKey> keys;

		private final JWKSet published;

		Loaded(Instant at, List<StoredSigningKey> keys) {
			this.at = at;
			this.keys = keys.stream().sorted(Comparator.comparing(StoredSigningKey::activeFrom)).toList();
			this.published = new JWKSet(this.keys.stream().map(Loaded::parse).toList());
		}

		boolean hasSlotFrom(Instant from) {
			return this.keys.stream().anyMatch((key) -> key.activeFrom().equals(from));
		}

		JWK active(Instant now) {
			for (int i = this.keys.size() - 1; i >= 0; i--) {
				StoredSigningKey key = this.keys.get(i);
				if (!key.activeFrom().isAfter(now) && key.activeUntil().isAfter(now)) {
					return parse(key);
				}
			}
			return null;
		}

		private static JWK parse(StoredSigningKey key) {
			try {
				return JWK.parse(key.jwk());
			}
			catch (ParseException ex) {
				throw new IllegalStateException("Unusable signing key " + key.slot(), ex);
			}
		}

	}

}
