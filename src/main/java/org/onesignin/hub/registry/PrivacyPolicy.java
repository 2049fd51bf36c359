package org.onesignin.hub.registry;

import java.util.List;
import java.util.Objects;

/**
 * A company's privacy policy: where it is published and the versions it has had, oldest
 * first; the last one is current. A consent names the version the person saw, which must
 * be one of these.
 */
public record PrivacyPolicy(String url, List<String> versions) {

	public PrivacyPolicy {
		Objects.requireNonNull(url, "privacy policy url");
		if (versions == null || versions.isEmpty() || versions.stream()
			.anyMatch((version) -> version == null || version.isBlank() || version.length() > 100)) {
			throw new IllegalArgumentException("A privacy policy lists its versions (1 to 100 characters each)");
		}
		versions = List.copyOf(versions);
	}

	/** The version in force now: the last one listed. */
	public String currentVersion() {
		return this.versions.get(this.versions.size() - 1);
	}

	public boolean knows(String version) {
		return this.versions.contains(version);
	}

}
