package org.onesignin.hub.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An object the API names by its {@code id}, such as a service or a company. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ref(String id) {

}
