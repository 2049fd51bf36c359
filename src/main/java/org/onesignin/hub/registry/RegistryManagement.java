package org.onesignin.hub.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * Loads the registry from its YAML file at start-up (idempotent upsert into the store)
 * and serves the current snapshot.
 */
@Service
public class RegistryManagement {

	private final RegistryStore store;

	private volatile Registry current;

	RegistryManagement(RegistryStore store, @Value("${hub.registry.location}") Resource location) {
		this.store = store;
		Registry fromFile = read(location);
		store.upsert(fromFile);
		this.current = store.load();
	}

	public Registry registry() {
		return this.current;
	}

	private static Registry read(Resource location) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("registry", location);
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			return binder.bind("", RegistryFile.class)
				.orElseThrow(() -> new IllegalStateException("Empty registry file " + location))
				.toRegistry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read registry file " + location, ex);
		}
	}

}
