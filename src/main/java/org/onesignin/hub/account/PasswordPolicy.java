package org.onesignin.hub.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * The One Sign In password rules: 10 to 128 characters, not the email address, and not
 * one of a bundled list of commonly used passwords.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	/** What bcrypt hashes of a password. */
	static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	public static Optional<Rejection> check(String password, String email) {
		return check(password, email, "password");
	}

	/** The rules, refusing on the named input field. */
	public static Optional<Rejection> check(String password, String email, String field) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
				|| password.codePointCount(0, password.length()) > MAX_LENGTH) {
			return weak(field, "Must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
		}
		// bcrypt reads at most 72 bytes: a longer password would be cut silently (or
		// refused)
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
			return weak(field, "Must be at most " + MAX_BYTES + " bytes in UTF-8 (fewer characters outside ASCII)");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (email != null && (lower.equals(email.toLowerCase(Locale.ROOT))
				|| lower.equals(email.toLowerCase(Locale.ROOT).split("@")[0]))) {
			return weak(field, "Must not be your email address");
		}
		if (COMMON.contains(lower)) {
			return weak(field, "Is too common; choose a less predictable password");
		}
		return Optional.empty();
	}

	private static Optional<Rejection> weak(String field, String message) {
		return Optional.of(Rejection.onField(UserErrorCode.WEAK_PASSWORD, field, message));
	}

	private static Set<String> load() {
		try (var in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt");
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
