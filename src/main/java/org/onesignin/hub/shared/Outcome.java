package org.onesignin.hub.shared;

import java.util.List;

/**
 * The result of a domain operation: either it was done, or it was refused with one or
 * more {@link Rejection}s. Refusals are values, not exceptions, so that every one reaches
 * the caller as a typed payload error.
 */
public sealed interface Outcome<T> {

	static <T> Outcome<T> done(T value) {
		return new Done<>(value);
	}

	static <T> Outcome<T> rejected(List<Rejection> rejections) {
		if (rejections.isEmpty()) {
			throw new IllegalArgumentException("A refusal needs at least one rejection");
		}
		return new Rejected<>(List.copyOf(rejections));
	}

	static <T> Outcome<T> rejected(Rejection rejection) {
		return rejected(List.of(rejection));
	}

	List<Rejection> rejections();

	/** The same refusal, or the done value mapped. */
	default <R> Outcome<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
		return (this instanceof Done<T> done) ? done(mapper.apply(done.value())) : rejected(rejections());
	}

	default T valueOrNull() {
		return (this instanceof Done<T> done) ? done.value() : null;
	}

	record Done<T>(T value) implements Outcome<T> {

		@Override
		public List<Rejection> rejections() {
			return List.of();
		}

	}

	record Rejected<T>(List<Rejection> rejections) implements Outcome<T> {
	}

}
