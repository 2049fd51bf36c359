package org.onesignin.hub.embeddedstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MongoDB wire-protocol store used when no MongoDB URI is
 * configured.
 *
 * @param directory where the store's file lives
 * @param port the loopback port to listen on; 0 picks a free one
 * @param fsync also force every commit to the disk (power-cut safety), not only to the
 * file
 */
@ConfigurationProperties("hub.embedded-store")
public record EmbeddedStoreProperties(@DefaultValue("./data") String directory, @DefaultValue("0") int port,
		@DefaultValue("false") boolean fsync) {
}
