package org.onesignin.hub.signin;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The password hash is checked for a closed identity, an unknown email and an active
 * identity alike: the time of a refusal tells nothing about the identity.
 */
class PasswordCheckedFirstUnitTests {

	private final CountingEncoder passwords = new CountingEncoder();

	private final String hash = this.passwords.encode("the password");

	private final UserDetailsService users = (username) -> switch (username) {
		case "closed@example.com" -> new HubUser("closed-id", this.hash, false, null, username);
		case "active@example.com" -> new HubUser("active-id", this.hash, true, null, username);
		default -> throw new UsernameNotFoundException("Unknown user");
	};

	private final PasswordCheckedFirst provider = new PasswordCheckedFirst(this.users, this.passwords);

	@Test
	void hashesTheWrongPasswordOfAClosedIdentityAndTellsItIsWrong() {
		int before = this.passwords.matches.get();

		assertThatExceptionOfType(PasswordCheckedFirst.WrongPassword.class)
			.isThrownBy(() -> this.provider.authenticate(attempt("closed@example.com", "a guess")))
			.satisfies((wrong) -> assertThat(wrong.accountId()).isEqualTo("closed-id"));
		assertThat(this.passwords.matches.get() - before).isEqualTo(1);
	}

	@Test
	void refusesAClosedIdentityOnlyAfterItsRightPassword() {
		int before = this.passwords.matches.get();

		assertThatExceptionOfType(DisabledException.class)
			.isThrownBy(() -> this.provider.authenticate(attempt("closed@example.com", "the password")));
		assertThat(this.passwords.matches.get() - before).isEqualTo(1);
	}

	@Test
	void hashesForAnUnknownEmailAndAnActiveIdentityToo() {
		this.provider.authenticate(attempt("active@example.com", "the password"));
		int before = this.passwords.matches.get();

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(attempt("nobody@example.com", "a guess")))
			.isNotInstanceOf(PasswordCheckedFirst.WrongPassword.class);
		assertThatExceptionOfType(PasswordCheckedFirst.WrongPassword.class)
			.isThrownBy(() -> this.provider.authenticate(attempt("active@example.com", "a guess")));
		assertThat(this.passwords.matches.get() - before).isEqualTo(2);
	}

	private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
	}

	/** The hub's real encoder, counting its password checks. */
	private static final class CountingEncoder implements PasswordEncoder {

		private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();

		private final AtomicInteger matches = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			return this.real.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.matches.incrementAndGet();
			return this.real.matches(raw, encoded);
		}

	}

}
