package org.onesignin.hub.signin.persistence;

import java.io.IOException;

import org.onesignin.hub.signin.SignInProperties;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.mongo.JdkMongoSessionConverter;
import org.springframework.session.data.mongo.MongoIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions read back from the store through the same filter as authorizations:
 * the stored bytes may name only the JDK's, Spring's and the hub's classes, within size
 * bounds (Spring Session's own converter reads any class).
 */
@Component
class FilteredSessionReading implements SessionRepositoryCustomizer<MongoIndexedSessionRepository> {

	private final SignInProperties properties;

	FilteredSessionReading(SignInProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(MongoIndexedSessionRepository repository) {
		repository.setMongoSessionConverter(new JdkMongoSessionConverter(new SerializingConverter(),
				FilteredSessionReading::read, this.properties.sessionIdleTimeout()));
	}

	private static Object read(byte[] bytes) {
		try {
			return SerializedAuthorizations.readFiltered(bytes);
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new SerializationFailedException("A stored sign-in session cannot be read", ex);
		}
	}

}
