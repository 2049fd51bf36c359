package org.onesignin.hub.registry;

/**
 * Port: where the registry is kept.
 */
public interface RegistryStore {

	/**
	 * Inserts or replaces every company and service of the given registry (idempotent);
	 * its sign-in clients replace the stored ones.
	 */
	void upsert(Registry registry);

	Registry load();

}
