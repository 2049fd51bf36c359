package org.onesignin.hub.preferences;

/**
 * The state of one consent.
 */
public enum ConsentState {

	GRANTED, WITHDRAWN, NOT_ASKED

}
