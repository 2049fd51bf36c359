package org.onesignin.hub.preferences;

/**
 * Through what a consent was given or withdrawn.
 */
public enum ConsentSource {

	ACCOUNT_PAGES, SUPPORT, PARTNER, UNSUBSCRIBE_LINK

}
