package org.onesignin.hub.account;

/**
 * Published when a closed identity's retention period ended, before its own document is
 * erased: every module that holds data about the person erases or pseudonymises it, in
 * the same thread, so a failure leaves the identity due and the job retries it.
 */
public record AccountErasureRequested(AccountId accountId) {
}
