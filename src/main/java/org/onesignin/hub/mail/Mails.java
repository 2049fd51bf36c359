package org.onesignin.hub.mail;

/**
 * Port: mails the hub sends; accepted mails are kept in the store until delivered (at
 * least once).
 */
public interface Mails {

	/**
	 * Accepts a mail under an id of the sender's: the same id sent again (a hand-over
	 * repeated after a crash, or by two instances) is the same mail, sent once.
	 */
	void send(String id, Mail mail);

}
