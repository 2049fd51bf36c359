// What the sections of the account pages share: the hub to call, the person's account as
// last read, the registry, each section's body, and the words the sections use.
import { h, webLink } from './dom.js';

export const PAGE_SIZE = 20;
export const CHANNEL_NAMES = { EMAIL: 'Email', POST: 'Post', PHONE: 'Phone', SMS: 'Text message' };
export const STATE_NAMES = { GRANTED: 'Allowed', WITHDRAWN: 'Withdrawn', NOT_ASKED: 'Not asked' };
export const SOURCE_NAMES = {
  ACCOUNT_PAGES: 'on these pages', SERVICE: 'on a service', SUPPORT: 'to customer support', PARTNER: 'by a service',
  UNSUBSCRIBE_LINK: 'with an unsubscribe link',
};
export const ACTOR_NAMES = { USER: 'You', SUPPORT_AGENT: 'Customer support', PARTNER_SERVICE: 'A service', ANONYMOUS: 'A link' };

/** The hub of the signed-in page. */
export let hub;

/** The person's account as last read; each form keeps the version it was drawn from. */
export let me;

export let registry;

/** Each section's body, by the section's id. */
export const sections = {};

export function begin(signedInHub, account, groupRegistry) {
  hub = signedInHub;
  me = account;
  registry = groupRegistry;
}

export async function reloadMe() {
  me = (await hub.run('me')).me;
  return me;
}

export function companyName(id) {
  return registry.companies.find((company) => company.id === id)?.name ?? id;
}

export function serviceName(id) {
  return registry.services.find((service) => service.id === id)?.name ?? id;
}

/** Moves the focus to a section's heading, after what had the focus was redrawn. */
export function focusSection(id) {
  document.getElementById(id + '-title')?.focus();
}

export function contactOf(company) {
  const contact = company.privacyContact ?? {};
  return h('ul', { class: 'contact' },
    contact.email ? h('li', {}, 'Email: ', h('a', { href: 'mailto:' + contact.email }, contact.email)) : null,
    contact.postalAddress ? h('li', {}, 'Post: ', contact.postalAddress) : null,
    contact.webForm ? h('li', {}, 'Web: ', webLink(contact.webForm, contact.webForm)) : null);
}
