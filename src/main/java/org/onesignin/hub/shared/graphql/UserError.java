package org.onesignin.hub.shared.graphql;

import java.util.List;

import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * The GraphQL {@code UserError} interface; each implementation is named exactly like its
 * schema type, which is how the default type resolver picks it.
 */
public sealed interface UserError {

	UserErrorCode code();

	List<String> field();

	String message();

	/** Each rejection as its concrete GraphQL error type. */
	static List<UserError> of(List<Rejection> rejections) {
		return rejections.stream().map(UserError::of).toList();
	}

	static UserError of(Rejection r) {
		List<String> field = r.field().isEmpty() ? null : r.field();
		return switch (r.code()) {
			case EMAIL_TAKEN -> new EmailTakenError(r.code(), field, r.message());
			case WEAK_PASSWORD -> new WeakPasswordError(r.code(), field, r.message());
			case STALE_REVISION -> new StaleRevisionError(r.code(), field, r.message(),
					((Number) r.details().get("currentRevision")).intValue());
			case ALREADY_LINKED_ELSEWHERE -> new AlreadyLinkedElsewhereError(r.code(), field, r.message());
			case NOT_FOUND -> new NotFoundError(r.code(), field, r.message());
			case NOT_ENTITLED -> new NotEntitledError(r.code(), field, r.message());
			case SERVICE_ALREADY_LINKED -> new ServiceAlreadyLinkedError(r.code(), field, r.message());
			case GUARDIAN_CONSENT_REQUIRED -> new GuardianConsentRequiredError(r.code(), field, r.message());
			case INVALID_TOKEN -> new InvalidTokenError(r.code(), field, r.message());
			case NOT_CONTROLLER ->
				new NotControllerError(r.code(), field, r.message(), (String) r.details().get("serviceId"));
			case LINKED_ACCOUNTS_ACTIVE ->
				new LinkedAccountsActiveError(r.code(), field, r.message(), castList(r.details().get("serviceIds")));
			default -> new ValidationError(r.code(), field, r.message());
		};
	}

	@SuppressWarnings("unchecked")
	private static List<String> castList(Object value) {
		return (List<String>) value;
	}

	/**
	 * The service and its controller are resolved by the registry's GraphQL controller.
	 */
	record NotControllerError(UserErrorCode code, List<String> field, String message,
			String serviceId) implements UserError {
	}

	/** The active links are resolved by the registry's GraphQL controller. */
	record LinkedAccountsActiveError(UserErrorCode code, List<String> field, String message,
			List<String> serviceIds) implements UserError {
	}

	record ValidationError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record EmailTakenError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record WeakPasswordError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record StaleRevisionError(UserErrorCode code, List<String> field, String message,
			int currentRevision) implements UserError {
	}

	record AlreadyLinkedElsewhereError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record NotFoundError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record NotEntitledError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record ServiceAlreadyLinkedError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record GuardianConsentRequiredError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

	record InvalidTokenError(UserErrorCode code, List<String> field, String message) implements UserError {
	}

}
