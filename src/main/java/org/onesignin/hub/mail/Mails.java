package org.onesignin.hub.mail;

/**
 * Port: mails the hub sends; accepted mails are kept in the store until delivered (at
 * least once).
 */
public interface Mails {

	void send(Mail mail);

}
