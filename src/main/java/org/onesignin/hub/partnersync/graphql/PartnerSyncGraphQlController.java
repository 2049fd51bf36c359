package org.onesignin.hub.partnersync.graphql;

import java.util.List;
import java.util.Map;

import org.onesignin.hub.partnersync.CloudEvents;
import org.onesignin.hub.partnersync.FeedCursors;
import org.onesignin.hub.partnersync.FeedEntry;
import org.onesignin.hub.partnersync.PartnerSyncManagement;
import org.onesignin.hub.partnersync.WebhookManagement;
import org.onesignin.hub.partnersync.WebhookState;
import org.onesignin.hub.partnersync.ServiceChangeSubscriptions;
import org.onesignin.hub.shared.BasicDetailField;
import org.onesignin.hub.shared.BadRequestException;
import org.onesignin.hub.shared.Caller;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.graphql.Pages;
import org.onesignin.hub.shared.graphql.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * A partner service's change feed and its acknowledgements over GraphQL.
 */
@Controller
class PartnerSyncGraphQlController implements FeedCursors {

	private final PartnerSyncManagement sync;

	private final ServiceChangeSubscriptions subscriptions;

	private final CursorStrategy<ScrollPosition> cursors;

	private final WebhookManagement webhooks;

	private final int maxPageSize;

	PartnerSyncGraphQlController(PartnerSyncManagement sync, ServiceChangeSubscriptions subscriptions,
			CursorStrategy<ScrollPosition> cursors, WebhookManagement webhooks,
			@Value("${hub.graphql.max-page-size:100}") int maxPageSize) {
		this.sync = sync;
		this.webhooks = webhooks;
		this.subscriptions = subscriptions;
		this.cursors = cursors;
		this.maxPageSize = maxPageSize;
	}

	@QueryMapping
	Window<ServiceChange> serviceChanges(@AuthenticationPrincipal Caller caller, @Argument String serviceId,
			ScrollSubrange subrange) {
		return Pages.window(this.sync.changes(caller, serviceId, Pages.request(subrange, this.maxPageSize)),
				this::toView);
	}

	@SubscriptionMapping
	reactor.core.publisher.Flux<ServiceChange> serviceChanged(@AuthenticationPrincipal Caller caller,
			@Argument String serviceId, @Argument String after) {
		// deferred, so a refusal travels in the stream to the subscription error resolver
		return reactor.core.publisher.Flux.defer(() -> {
			Long resumeAfter = (after != null) ? sequenceOf(after) : null;
			if (after != null && resumeAfter == null) {
				throw new BadRequestException("after is not a cursor of this feed");
			}
			return this.subscriptions.follow(caller, serviceId, resumeAfter);
		}).map(this::toView);
	}

	@QueryMapping
	ServiceWebhook serviceWebhook(@AuthenticationPrincipal Caller caller, @Argument String serviceId) {
		return this.webhooks.webhook(caller, serviceId).map(this::toView).orElse(null);
	}

	@MutationMapping
	RedeliverServiceChangesPayload redeliverServiceChanges(@AuthenticationPrincipal Caller caller,
			@Argument RedeliverServiceChangesInput input) {
		Outcome<WebhookManagement.Webhook> outcome = this.webhooks.redeliver(caller, input.serviceId(),
				sequenceOf(input.from()));
		return new RedeliverServiceChangesPayload(
				(outcome instanceof Outcome.Done<WebhookManagement.Webhook> done) ? toView(done.value()) : null,
				UserError.of(outcome.rejections()));
	}

	@MutationMapping
	ConfirmServiceWebhookPayload confirmServiceWebhook(@AuthenticationPrincipal Caller caller,
			@Argument ConfirmServiceWebhookInput input) {
		Outcome<WebhookManagement.Webhook> outcome = this.webhooks.confirm(caller, input.serviceId(), input.url(),
				input.proof());
		return new ConfirmServiceWebhookPayload(
				(outcome instanceof Outcome.Done<WebhookManagement.Webhook> done) ? toView(done.value()) : null,
				UserError.of(outcome.rejections()));
	}

	@MutationMapping
	AcknowledgeServiceChangesPayload acknowledgeServiceChanges(@AuthenticationPrincipal Caller caller,
			@Argument AcknowledgeServiceChangesInput input) {
		Outcome<Long> outcome = this.sync.acknowledge(caller, input.serviceId(), sequenceOf(input.upTo()));
		String acknowledged = (outcome instanceof Outcome.Done<Long> done) ? cursorOf(done.value()) : null;
		return new AcknowledgeServiceChangesPayload(acknowledged, UserError.of(outcome.rejections()));
	}

	private Long sequenceOf(String cursor) {
		try {
			if (this.cursors.fromCursor(cursor) instanceof KeysetScrollPosition keyset
					&& keyset.getKeys().get("sequence") instanceof Number sequence) {
				return sequence.longValue();
			}
		}
		catch (RuntimeException ex) {
			// not one of our cursors: reported as a validation error
		}
		return null;
	}

	@Override
	public String cursorOf(long sequence) {
		return this.cursors.toCursor(ScrollPosition.forward(Map.of("sequence", sequence)));
	}

	private ServiceChange toView(FeedEntry entry) {
		var change = entry.change();
		return new ServiceChange(change.id(), cursorOf(entry.sequence()), change.type(), change.accountId(),
				change.serviceAccountId(), change.revision(), change.time(), change.changedFields(), change.data(),
				CloudEvents.envelope(change));
	}

	record ServiceChange(String id, String cursor, String type, String accountId, String serviceAccountId, int revision,
			java.time.Instant time, List<BasicDetailField> changedFields, Map<String, Object> data,
			Map<String, Object> cloudEvent) {
	}

	private ServiceWebhook toView(WebhookManagement.Webhook webhook) {
		WebhookState state = webhook.state();
		return new ServiceWebhook(webhook.url(), state.status(), cursorOf(state.deliveredUpTo()),
				state.lastDeliveredAt(), state.attempts(), state.nextAttemptAt(), state.lastError());
	}

	record ServiceWebhook(String url, WebhookState.Status state, String lastDeliveredCursor,
			java.time.Instant lastDeliveredAt, int failedAttempts, java.time.Instant nextAttemptAt, String lastError) {
	}

	record RedeliverServiceChangesInput(String serviceId, String from) {
	}

	record ConfirmServiceWebhookInput(String serviceId, String url, String proof) {
	}

	record ConfirmServiceWebhookPayload(ServiceWebhook webhook, List<UserError> errors) {
	}

	record RedeliverServiceChangesPayload(ServiceWebhook webhook, List<UserError> errors) {
	}

	record AcknowledgeServiceChangesInput(String serviceId, String upTo) {
	}

	record AcknowledgeServiceChangesPayload(String acknowledgedUpTo, List<UserError> errors) {
	}

}
