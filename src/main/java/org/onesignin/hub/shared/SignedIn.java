package org.onesignin.hub.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only a caller with a valid token may call this (on a class: each of its methods); an
 * anonymous one is refused as unauthenticated before the method runs. What the caller may
 * then do is the access policy's to say. The check is a plain authorization manager, not
 * an expression evaluated on every call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SignedIn {

}
