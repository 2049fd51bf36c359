package org.onesignin.hub.preferences;

/**
 * Why a company wants to contact a person.
 */
public enum ContactPurpose {

	/** Direct marketing. */
	MARKETING,
	/** Direct marketing selected by profiling the person. */
	PROFILED_MARKETING,
	/**
	 * Order confirmations, safety notices, service changes: never blocked by marketing
	 * choices.
	 */
	TRANSACTIONAL

}
