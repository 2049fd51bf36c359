package org.onesignin.hub.preferences;

/**
 * What a consent record is about.
 */
public enum ConsentPurpose {

	/** Marketing by one company through one channel (and, for email, one address). */
	CHANNEL_MARKETING,
	/** The group-wide "news, competitions and offers" opt-in. */
	GROUP_NEWS,
	/** The objection to profiling for direct marketing (GRANTED = objecting). */
	PROFILING_OBJECTION,
	/** A guardian's consent for a child, for one company. */
	GUARDIAN_CONSENT

}
