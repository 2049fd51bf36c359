package org.onesignin.hub.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.junit.jupiter.api.Test;
import org.onesignin.hub.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation of the sign-in server's keys on a clock the test moves: one key per slot, a
 * retired key published until the tokens it signed have expired, and one key per slot
 * however many instances race for it.
 */
class SigningKeysUnitTests {

	private static final Duration ROTATION = Duration.ofDays(30);

	private static final Duration TOKENS = Duration.ofHours(1);

	private final InMemoryKeys store = new InMemoryKeys();

	/** An hour into a rotation slot (slots are aligned on multiples of the period). */
	private final MovableClock clock = new MovableClock(
			Instant.ofEpochMilli(ROTATION.toMillis() * 680).plus(Duration.ofHours(1)));

	@Test
	void signsWithOneKeyUntilTheRotationPeriodEnds() {
		SigningKeys keys = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);
		JWK first = keys.current();

		this.clock.move(Duration.ofDays(3));

		assertThat(keys.current().getKeyID()).isEqualTo(first.getKeyID());
	}

	@Test
	void publishesTheRetiredKeyBesideTheNewOneUntilItsTokensHaveExpired() {
		SigningKeys keys = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);
		JWK retired = keys.current();

		this.clock.move(ROTATION);
		JWK next = keys.current();

		assertThat(next.getKeyID()).isNotEqualTo(retired.getKeyID());
		assertThat(publishedKeyIds(keys)).contains(retired.getKeyID(), next.getKeyID());

		this.clock.move(TOKENS.plus(Duration.ofMinutes(2)));

		assertThat(publishedKeyIds(keys)).containsExactly(next.getKeyID());
	}

	@Test
	void publishesTheNextKeyADayBeforeItStartsSigning() {
		SigningKeys keys = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);
		JWK signing = keys.current();

		this.clock.move(ROTATION.minus(Duration.ofHours(1)).minus(Duration.ofHours(20)));
		keys.current();
		List<String> published = publishedKeyIds(keys);

		assertThat(keys.current().getKeyID()).isEqualTo(signing.getKeyID());
		assertThat(published).hasSize(2).contains(signing.getKeyID());
		this.clock.move(Duration.ofHours(20));
		assertThat(published).contains(keys.current().getKeyID()).hasSize(2);
	}

	@Test
	void keepsOneKeyPerSlotWhenTwoInstancesStartItAtOnce() {
		SigningKeys first = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);
		SigningKeys second = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);

		String a = first.current().getKeyID();
		String b = second.current().getKeyID();

		assertThat(a).isEqualTo(b);
		assertThat(this.store.keys).hasSize(1);
	}

	@Test
	void findsAKeyAnotherInstanceMadeWhenAskedForItsId() {
		SigningKeys first = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);
		SigningKeys second = new SigningKeys(this.store, ROTATION, TOKENS, this.clock);
		second.current();
		this.clock.move(ROTATION);
		String madeByFirst = first.current().getKeyID();

		List<JWK> found = second.get(new JWKSelector(new JWKMatcher.Builder().keyID(madeByFirst).build()), null);

		assertThat(found).extracting(JWK::getKeyID).containsExactly(madeByFirst);
	}

	private static List<String> publishedKeyIds(SigningKeys keys) {
		return keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).stream().map(JWK::getKeyID).toList();
	}

	private static final class InMemoryKeys implements SigningKeyStore {

		private final List<StoredSigningKey> keys = new ArrayList<>();

		@Override
		public synchronized List<StoredSigningKey> published(Instant now) {
			return this.keys.stream().filter((key) -> key.publishUntil().isAfter(now)).toList();
		}

		@Override
		public synchronized boolean insertIfAbsent(StoredSigningKey key) {
			if (this.keys.stream().anyMatch((k) -> k.slot().equals(key.slot()))) {
				return false;
			}
			return this.keys.add(key);
		}

		@Override
		public synchronized void removeUnpublished(Instant now) {
			this.keys.removeIf((key) -> !key.publishUntil().isAfter(now));
		}

	}

}
