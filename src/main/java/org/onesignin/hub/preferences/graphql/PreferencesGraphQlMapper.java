package org.onesignin.hub.preferences.graphql;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.onesignin.hub.shared.mapping.HubMapperConfig;
import org.onesignin.hub.preferences.PreferencesView;
import org.onesignin.hub.preferences.ConsentRecord;
import org.onesignin.hub.preferences.MarketingPreferences;

@Mapper(config = HubMapperConfig.class)
interface PreferencesGraphQlMapper {

	PreferencesViews.MarketingPreferences toView(PreferencesView view);

	PreferencesViews.CompanyMarketingPreferences toView(MarketingPreferences.CompanyPreferences preferences);

	@Mapping(target = "updatedAt", source = "latest.time")
	@Mapping(target = "source", source = "latest.source")
	@Mapping(target = "policyVersion", source = "latest.policyVersion")
	PreferencesViews.ChannelConsent toView(MarketingPreferences.ChannelConsent consent);

	@Mapping(target = "guardianName", source = "guardian.name")
	@Mapping(target = "guardianMethod", source = "guardian.method")
	PreferencesViews.ConsentRecord toView(ConsentRecord record);

}
