package org.onesignin.hub.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.onesignin.hub.audit.AccessLog;
import org.onesignin.hub.audit.AccessLogEntry;
import org.onesignin.hub.shared.Page;
import org.onesignin.hub.shared.PageRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockout holds against guesses sent in parallel: every attempt is counted before its
 * (slow) password check, so the right password arriving after the limit's worth of
 * pending guesses is refused, however long their checks take.
 */
class ThrottledSignInUnitTests {

	private static final String RIGHT = "the right password";

	@Test
	void refusesTheRightPasswordBehindTheLimitsWorthOfGuessesStillBeingChecked() throws Exception {
		CountingFailures failures = new CountingFailures();
		CountDownLatch checksMayEnd = new CountDownLatch(1);
		ThrottledSignIn signIn = new ThrottledSignIn(slowPasswordCheck(checksMayEnd), failures,
				new LockoutProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)), new NoAccessLog(),
				Clock.systemUTC());
		ExecutorService guesses = Executors.newFixedThreadPool(11);
		try {
			List<Future<Boolean>> wrong = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String guess = "guess-" + i;
				wrong.add(guesses.submit(() -> signsIn(signIn, guess)));
			}
			while (failures.attemptsOf("identity") < 10) {
				Thread.sleep(5);
			}

			Future<Boolean> right = guesses.submit(() -> signsIn(signIn, RIGHT));
			while (failures.attemptsOf("identity") < 11) {
				Thread.sleep(5);
			}
			checksMayEnd.countDown();

			assertThat(right.get(10, TimeUnit.SECONDS)).isFalse();
			for (Future<Boolean> guess : wrong) {
				assertThat(guess.get(10, TimeUnit.SECONDS)).isFalse();
			}
		}
		finally {
			guesses.shutdownNow();
		}
	}

	private static boolean signsIn(ThrottledSignIn signIn, String password) {
		try {
			signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("victim@example.com", password));
			return true;
		}
		catch (BadCredentialsException ex) {
			return false;
		}
	}

	/** A password check as slow as the test wants: it ends when the latch opens. */
	private static AuthenticationProvider slowPasswordCheck(CountDownLatch checksMayEnd) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication attempt) {
				try {
					checksMayEnd.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				if (RIGHT.equals(attempt.getCredentials())) {
					return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of());
				}
				throw new BadCredentialsException("wrong");
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}

		};
	}

	/** The store's counting, in memory: atomic per call, as the store's updates are. */
	private static final class CountingFailures implements SignInFailures {

		private final Map<String, Long> attempts = new HashMap<>();

		private final Map<String, Instant> locks = new HashMap<>();

		synchronized long attemptsOf(String prefix) {
			return this.attempts.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith(prefix))
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

		@Override
		public synchronized boolean anyLocked(Collection<String> keys, Instant now) {
			return keys.stream().anyMatch((key) -> this.locks.getOrDefault(key, Instant.MIN).isAfter(now));
		}

		@Override
		public synchronized long attempted(String key, Instant now, Duration window) {
			return this.attempts.merge(key, 1L, Long::sum);
		}

		@Override
		public synchronized void succeeded(String key) {
			this.attempts.computeIfPresent(key, (k, count) -> count - 1);
		}

		@Override
		public synchronized void lock(String key, Instant until) {
			this.locks.put(key, until);
		}

		@Override
		public synchronized void forget(String key) {
			this.attempts.remove(key);
		}

	}

	private static final class NoAccessLog implements AccessLog {

		@Override
		public void append(AccessLogEntry entry) {
		}

		@Override
		public void appendAll(java.util.List<AccessLogEntry> entries) {
		}

		@Override
		public Page<AccessLogEntry> page(String accountId, PageRequest page) {
			return null;
		}

	}

}
