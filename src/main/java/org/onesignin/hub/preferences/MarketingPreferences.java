package org.onesignin.hub.preferences;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onesignin.hub.registry.Company;
import org.onesignin.hub.shared.ChangeOrigin;
import org.onesignin.hub.shared.Outcome;
import org.onesignin.hub.shared.Rejection;
import org.onesignin.hub.shared.UserErrorCode;

/**
 * A person's marketing preferences, derived from their append-only consent records (so
 * the current state can never disagree with the proof), and the rules for changing them:
 * email consent per address, guardian consent for children below the company's digital
 * age of consent, and the contact gate (rule 7).
 */
public final class MarketingPreferences {

	/** The longest email address (RFC 5321's path limit). */
	static final int MAX_ADDRESS_LENGTH = 254;

	private final String accountId;

	private final List<ConsentRecord> records;

	private final Map<String, ConsentRecord> latest = new LinkedHashMap<>();

	public MarketingPreferences(String accountId, List<ConsentRecord> records) {
		this.accountId = accountId;
		this.records = List.copyOf(records);
		for (ConsentRecord record : this.records) {
			this.latest.put(key(record.purpose(), record.companyId(), record.channel(), record.address()), record);
		}
	}

	public List<ConsentRecord> records() {
		return this.records;
	}

	public ConsentState groupNews() {
		return stateOf(key(ConsentPurpose.GROUP_NEWS, null, null, null));
	}

	public boolean profilingObjection() {
		return stateOf(key(ConsentPurpose.PROFILING_OBJECTION, null, null, null)) == ConsentState.GRANTED;
	}

	public boolean hasGuardianConsent(String companyId) {
		return stateOf(key(ConsentPurpose.GUARDIAN_CONSENT, companyId, null, null)) == ConsentState.GRANTED;
	}

	/** The latest record of a company's channel (and address, for email), if any. */
	public Optional<ConsentRecord> latest(String companyId, Channel channel, String address) {
		return Optional.ofNullable(this.latest.get(key(ConsentPurpose.CHANNEL_MARKETING, companyId, channel,
				(channel == Channel.EMAIL) ? address : null)));
	}

	public ConsentState state(String companyId, Channel channel, String address) {
		return latest(companyId, channel, address).map(ConsentRecord::newState).orElse(ConsentState.NOT_ASKED);
	}

	/**
	 * The person's marketing email addresses: the sign-in email and every address consent
	 * was recorded for.
	 */
	public Set<String> emailAddresses(String signInEmail) {
		Set<String> addresses = new LinkedHashSet<>();
		if (signInEmail != null) {
			addresses.add(normalise(signInEmail));
		}
		this.records.stream()
			.filter((r) -> r.channel() == Channel.EMAIL && r.address() != null)
			.forEach((r) -> addresses.add(r.address()));
		return addresses;
	}

	/**
	 * The addresses one company may know: the sign-in email and those consent was
	 * recorded for with it.
	 */
	public Set<String> emailAddressesFor(String companyId, String signInEmail) {
		Set<String> addresses = new LinkedHashSet<>();
		if (signInEmail != null) {
			addresses.add(normalise(signInEmail));
		}
		this.records.stream()
			.filter((r) -> r.channel() == Channel.EMAIL && r.address() != null && companyId.equals(r.companyId()))
			.forEach((r) -> addresses.add(r.address()));
		return addresses;
	}

	/**
	 * One company's preferences as a caller may see them: every channel, email per
	 * address (all the person's addresses, or only those that company may know),
	 * NOT_ASKED where no record exists, and whether marketing is restricted for a child.
	 */
	public CompanyPreferences forCompany(Company company, String signInEmail, boolean allAddresses,
			LocalDate dateOfBirth, LocalDate today) {
		List<ChannelConsent> channels = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			if (channel == Channel.EMAIL) {
				Set<String> addresses = allAddresses ? emailAddresses(signInEmail)
						: emailAddressesFor(company.id(), signInEmail);
				for (String address : addresses) {
					channels.add(new ChannelConsent(channel, address, state(company.id(), channel, address),
							latest(company.id(), channel, address).orElse(null)));
				}
			}
			else {
				channels.add(new ChannelConsent(channel, null, state(company.id(), channel, null),
						latest(company.id(), channel, null).orElse(null)));
			}
		}
		return new CompanyPreferences(company, isRestrictedFor(company, dateOfBirth, today),
				hasGuardianConsent(company.id()), channels);
	}

	/**
	 * Whether the person is below the company's digital age of consent without a
	 * guardian's consent.
	 */
	public boolean isRestrictedFor(Company company, LocalDate dateOfBirth, LocalDate today) {
		return isMinor(company, dateOfBirth, today) && !hasGuardianConsent(company.id());
	}

	/**
	 * Decides a change of a company's channel consent. Empty when nothing changes (same
	 * state and policy version); refused for a bad address or policy version, and for a
	 * grant by a child without a recorded guardian consent.
	 */
	public Outcome<Optional<ConsentRecord>> setChannel(ConsentChange change, Channel channel, String address,
			String signInEmail, boolean mayAddAddresses, LocalDate dateOfBirth, LocalDate today) {
		List<Rejection> rejections = new ArrayList<>(change.problems());
		// a grant names a version the company published (where the registry names its
		// policy); a withdrawal is never refused for its version (an unsubscribe link
		// names the version of the grant it ends, which may have been retired since)
		if (rejections.isEmpty() && change.newState() == ConsentState.GRANTED
				&& !change.company().knowsPolicyVersion(change.policyVersion())) {
			rejections.add(Rejection.invalid("policyVersion", "Not a version of " + change.company().name()
					+ "'s privacy policy; the current one is " + change.company().privacyPolicy().currentVersion()));
		}
		String key = null;
		if (channel == Channel.EMAIL) {
			String candidate = (address != null) ? address : signInEmail;
			key = (candidate != null) ? normalise(candidate) : null;
			// the length first: the pattern below backtracks on long input
			if (key == null || key.length() > MAX_ADDRESS_LENGTH || !key.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				rejections.add(Rejection.invalid("address", "Must be a valid email address"));
			}
			// others may name only addresses this company may already know of
			else if (!mayAddAddresses && !emailAddressesFor(change.company().id(), signInEmail).contains(key)) {
				rejections.add(Rejection.invalid("address", "Not one of this person's email addresses"));
			}
		}
		else if (address != null) {
			rejections.add(Rejection.invalid("address", "An address applies to the EMAIL channel only"));
		}
		if (change.newState() == ConsentState.GRANTED && change.company() != null
				&& isRestrictedFor(change.company(), dateOfBirth, today)) {
			rejections.add(Rejection.onField(UserErrorCode.GUARDIAN_CONSENT_REQUIRED, "state",
					"Below " + change.company().digitalAgeOfConsent() + ", " + change.company().name()
							+ " needs a guardian's consent first"));
		}
		if (!rejections.isEmpty()) {
			return Outcome.rejected(rejections);
		}
		return Outcome
			.done(record(change, ConsentPurpose.CHANNEL_MARKETING, change.company().id(), channel, key, null));
	}

	/**
	 * Decides a change of the group-wide news opt-in; children need a guardian for the
	 * strictest company.
	 */
	public Outcome<Optional<ConsentRecord>> setGroupNews(ConsentChange change, boolean restricted) {
		List<Rejection> rejections = new ArrayList<>(change.problems());
		if (change.newState() == ConsentState.GRANTED && restricted) {
			rejections.add(Rejection.onField(UserErrorCode.GUARDIAN_CONSENT_REQUIRED, "state",
					"A guardian's consent is needed first"));
		}
		return rejections.isEmpty() ? Outcome.done(record(change, ConsentPurpose.GROUP_NEWS, null, null, null, null))
				: Outcome.rejected(rejections);
	}

	/** Decides the objection to profiling (GRANTED = objecting); always allowed. */
	public Outcome<Optional<ConsentRecord>> objectToProfiling(ConsentChange change) {
		return change.problems().isEmpty()
				? Outcome.done(record(change, ConsentPurpose.PROFILING_OBJECTION, null, null, null, null))
				: Outcome.rejected(change.problems());
	}

	/** Records a guardian's consent for a company. */
	public Outcome<Optional<ConsentRecord>> recordGuardianConsent(ConsentChange change,
			ConsentRecord.Guardian guardian) {
		List<Rejection> rejections = new ArrayList<>(change.problems());
		if (guardian.name() == null || guardian.name().isBlank() || guardian.name().length() > 200) {
			rejections.add(Rejection.invalid("guardianName", "Name the guardian in 1 to 200 characters"));
		}
		if (guardian.method() == null || guardian.method().isBlank() || guardian.method().length() > 200) {
			rejections.add(Rejection.invalid("method", "Say in 1 to 200 characters how the consent was verified"));
		}
		return rejections.isEmpty()
				? Outcome
					.done(record(change, ConsentPurpose.GUARDIAN_CONSENT, change.company().id(), null, null, guardian))
				: Outcome.rejected(rejections);
	}

	/**
	 * Rule 7: may the company contact the person through the channel now, and if not,
	 * why.
	 */
	public ContactPermission contactPermission(Company company, Channel channel, String address, ContactPurpose purpose,
			boolean accountActive, String signInEmail, LocalDate dateOfBirth, LocalDate today) {
		if (!accountActive) {
			return ContactPermission.of(List.of(ContactRefusalReason.ACCOUNT_NOT_ACTIVE));
		}
		if (purpose == ContactPurpose.TRANSACTIONAL) {
			return ContactPermission.of(List.of());
		}
		List<ContactRefusalReason> reasons = new ArrayList<>();
		if (isRestrictedFor(company, dateOfBirth, today)) {
			reasons.add(ContactRefusalReason.MINOR_WITHOUT_GUARDIAN_CONSENT);
		}
		if (purpose == ContactPurpose.PROFILED_MARKETING && profilingObjection()) {
			reasons.add(ContactRefusalReason.PROFILING_OBJECTED);
		}
		String key = (channel == Channel.EMAIL) ? normalise((address != null) ? address : signInEmail) : null;
		Optional<ConsentRecord> latest = latest(company.id(), channel, key);
		ConsentState state = latest.map(ConsentRecord::newState).orElse(ConsentState.NOT_ASKED);
		if (state == ConsentState.NOT_ASKED) {
			reasons.add(ContactRefusalReason.NO_CONSENT);
		}
		else if (state == ConsentState.WITHDRAWN) {
			reasons.add((channel == Channel.EMAIL && latest.get().source() == ConsentSource.UNSUBSCRIBE_LINK)
					? ContactRefusalReason.ADDRESS_UNSUBSCRIBED : ContactRefusalReason.WITHDRAWN);
		}
		return ContactPermission.of(reasons);
	}

	public static boolean isMinor(Company company, LocalDate dateOfBirth, LocalDate today) {
		return dateOfBirth != null && Period.between(dateOfBirth, today).getYears() < company.digitalAgeOfConsent();
	}

	public static String normalise(String address) {
		return (address != null) ? address.strip().toLowerCase(Locale.ROOT) : null;
	}

	private Optional<ConsentRecord> record(ConsentChange change, ConsentPurpose purpose, String companyId,
			Channel channel, String address, ConsentRecord.Guardian guardian) {
		ConsentRecord previous = this.latest.get(key(purpose, companyId, channel, address));
		ConsentState before = (previous != null) ? previous.newState() : ConsentState.NOT_ASKED;
		if (previous != null && before == change.newState()
				&& Objects.equals(previous.policyVersion(), change.policyVersion())
				&& purpose != ConsentPurpose.GUARDIAN_CONSENT) {
			return Optional.empty();
		}
		ChangeOrigin origin = change.origin();
		return Optional.of(new ConsentRecord(UUID.randomUUID().toString(), this.accountId, purpose, companyId, channel,
				address, before, change.newState(), change.policyVersion(), origin.actorKind(), origin.actorId(),
				origin.companyId(), origin.serviceId(), change.source(), origin.ticket(), guardian, change.time()));
	}

	private ConsentState stateOf(String key) {
		ConsentRecord record = this.latest.get(key);
		return (record != null) ? record.newState() : ConsentState.NOT_ASKED;
	}

	private static String key(ConsentPurpose purpose, String companyId, Channel channel, String address) {
		return purpose + "|" + companyId + "|" + channel + "|" + address;
	}

	/** One company's consent as shown: restriction, guardian consent and each channel. */
	public record CompanyPreferences(Company company, boolean restrictedForMarketing, boolean guardianConsent,
			List<ChannelConsent> channels) {
	}

	/**
	 * One channel's (and for email one address's) current state and the record behind it.
	 */
	public record ChannelConsent(Channel channel, String address, ConsentState state, ConsentRecord latest) {
	}

}
