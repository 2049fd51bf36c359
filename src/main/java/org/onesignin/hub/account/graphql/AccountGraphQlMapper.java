package org.onesignin.hub.account.graphql;

import java.util.EnumMap;
import java.util.Map;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.onesignin.hub.account.AccountView;
import org.onesignin.hub.account.ChangeHistoryEntry;
import org.onesignin.hub.account.DetailsPatch;
import org.onesignin.hub.account.PostalAddress;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.shared.BasicDetailField;
import org.springframework.graphql.data.ArgumentValue;

@Mapper(config = HubMapperConfig.class)
interface AccountGraphQlMapper {

	@Mapping(target = "basicDetails", source = "details")
	@Mapping(target = "linkedAccounts", source = "links")
	AccountViews.Account toView(AccountView account);

	@Mapping(target = "cancelledById", source = "cancelledBy")
	AccountViews.LinkedAccount toView(AccountView.Link link);

	AccountViews.BasicDetails toView(org.onesignin.hub.account.BasicDetails details);

	AccountViews.PostalAddress toView(PostalAddress address);

	@Mapping(target = "actorKind", source = "origin.actorKind")
	@Mapping(target = "actorId", source = "origin.actorId")
	@Mapping(target = "companyId", source = "origin.companyId")
	@Mapping(target = "serviceId", source = "origin.serviceId")
	AccountViews.Change toView(ChangeHistoryEntry entry);

	PostalAddress toDomain(AccountInputs.PostalAddressInput input);

	default DetailsPatch toPatch(AccountInputs.BasicDetailsInput input) {
		Map<BasicDetailField, Object> values = new EnumMap<>(BasicDetailField.class);
		if (input == null) {
			return new DetailsPatch(values);
		}
		putIfPresent(values, BasicDetailField.GIVEN_NAME, input.givenName());
		putIfPresent(values, BasicDetailField.FAMILY_NAME, input.familyName());
		putIfPresent(values, BasicDetailField.DATE_OF_BIRTH, input.dateOfBirth());
		putIfPresent(values, BasicDetailField.COUNTRY, input.country());
		putIfPresent(values, BasicDetailField.LANGUAGE, input.language());
		putIfPresent(values, BasicDetailField.PHONE, input.phone());
		putIfPresent(values, BasicDetailField.POSTAL_ADDRESS, toDomain(input.postalAddress()));
		return new DetailsPatch(values);
	}

	default DetailsPatch toPatch(AccountInputs.UpdateBasicDetailsInput input) {
		Map<BasicDetailField, Object> values = new EnumMap<>(BasicDetailField.class);
		put(values, BasicDetailField.GIVEN_NAME, input.givenName());
		put(values, BasicDetailField.FAMILY_NAME, input.familyName());
		put(values, BasicDetailField.DATE_OF_BIRTH, input.dateOfBirth());
		put(values, BasicDetailField.COUNTRY, input.country());
		put(values, BasicDetailField.LANGUAGE, input.language());
		put(values, BasicDetailField.PHONE, input.phone());
		if (input.postalAddress() != null && !input.postalAddress().isOmitted()) {
			values.put(BasicDetailField.POSTAL_ADDRESS, toDomain(input.postalAddress().value()));
		}
		return new DetailsPatch(values);
	}

	private static void put(Map<BasicDetailField, Object> values, BasicDetailField field, ArgumentValue<String> value) {
		// omitted: unchanged; present (even null): set or clear
		if (value != null && !value.isOmitted()) {
			values.put(field, value.value());
		}
	}

	private static void putIfPresent(Map<BasicDetailField, Object> values, BasicDetailField field, Object value) {
		if (value != null) {
			values.put(field, value);
		}
	}

}
