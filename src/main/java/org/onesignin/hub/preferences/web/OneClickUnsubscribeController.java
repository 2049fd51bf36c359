package org.onesignin.hub.preferences.web;

import org.onesignin.hub.preferences.UnsubscribeLinks;
import org.onesignin.hub.shared.Outcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs
 * {@code List-Unsubscribe=One-Click} to the URL of the message's {@code List-Unsubscribe}
 * header, without any sign-in. The answer says nothing but "done" or "not a valid link".
 */
@RestController
class OneClickUnsubscribeController {

	private final UnsubscribeLinks links;

	OneClickUnsubscribeController(UnsubscribeLinks links) {
		this.links = links;
	}

	@PostMapping("/unsubscribe/{token}")
	ResponseEntity<Void> unsubscribe(@PathVariable String token) {
		return (this.links.unsubscribe(token) instanceof Outcome.Done<?>) ? ResponseEntity.ok().build()
				: ResponseEntity.badRequest().build();
	}

}
