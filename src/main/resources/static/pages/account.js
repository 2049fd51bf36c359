// The account pages ("My account"): a person's details, linked services, marketing
// choices, sign-in, history, data and privacy contacts, all through the hub's API with
// the person's own token (client account-pages).
import { HubError } from './hub.js';
import { POLICY_VERSION, section, showWho, startPage } from './page.js';
import {
  alertError, announce, busy, webLink, clearAlert, clearErrors, field, formatTime, h, show, showErrors, table, valuesOf,
} from './dom.js';

const CLIENT = 'account-pages';
const PAGE_SIZE = 20;
const CHANNELS = ['EMAIL', 'POST', 'PHONE', 'SMS'];
const CHANNEL_NAMES = { EMAIL: 'Email', POST: 'Post', PHONE: 'Phone', SMS: 'Text message' };
const STATE_NAMES = { GRANTED: 'Allowed', WITHDRAWN: 'Withdrawn', NOT_ASKED: 'Not asked' };
const SOURCE_NAMES = {
  ACCOUNT_PAGES: 'on these pages', SERVICE: 'on a service', SUPPORT: 'to customer support', PARTNER: 'by a service',
  UNSUBSCRIBE_LINK: 'with an unsubscribe link',
};
const ACTOR_NAMES = { USER: 'You', SUPPORT_AGENT: 'Customer support', PARTNER_SERVICE: 'A service', ANONYMOUS: 'A link' };
const DETAILS = [
  ['givenName', 'Given name', { autocomplete: 'given-name' }],
  ['familyName', 'Family name', { autocomplete: 'family-name' }],
  ['dateOfBirth', 'Date of birth', { type: 'date', autocomplete: 'bday' }],
  ['country', 'Country', { autocomplete: 'country', hint: 'Two letters, for example GB' }],
  ['language', 'Language', { hint: 'For example en-GB' }],
  ['phone', 'Phone', { type: 'tel', autocomplete: 'tel', hint: 'With the country code, for example +44 20 7946 0958' }],
];
const ADDRESS = [
  ['streetAddress', 'Street address', { autocomplete: 'street-address' }],
  ['locality', 'Town or city', { autocomplete: 'address-level2' }],
  ['region', 'Region', { autocomplete: 'address-level1' }],
  ['postalCode', 'Postcode', { autocomplete: 'postal-code' }],
  ['country', 'Country', { autocomplete: 'country', hint: 'Two letters' }],
];

let hub;
let me;
let registry;
const sections = {};

startPage(CLIENT, async (signedInHub, session) => {
  hub = signedInHub;
  try {
    [me, registry] = await Promise.all([hub.run('me').then((data) => data.me), hub.run('registry')]);
  } catch (failure) {
    alertError(failure.message);
    return;
  }
  if (!me) {
    show(document.getElementById('content'), h('h1', {}, 'No One Sign In account'),
      h('p', {}, 'This sign-in has no account to manage here. Support agents use the support console at ',
        h('a', { href: '/support/' }, '/support/'), '.'));
    showWho(session, 'Signed in');
    return;
  }
  showWho(session, 'Signed in as ', h('strong', {}, me.signInEmail));
  document.getElementById('sections').hidden = false;
  for (const id of ['details', 'services', 'marketing', 'sign-in', 'activity', 'your-data', 'privacy-contacts']) {
    sections[id] = h('div', { id: id + '-body' });
  }
  show(document.getElementById('content'),
    h('h1', {}, 'My account'),
    me.status !== 'ACTIVE' ? h('p', { class: 'notice' }, 'Your One Sign In is closed.') : null,
    section('details', 'My details', sections.details),
    section('services', 'Linked services', sections.services),
    section('marketing', 'Marketing choices', sections.marketing),
    section('sign-in', 'Sign-in', sections['sign-in']),
    section('activity', 'History and access', sections.activity),
    section('your-data', 'My data', sections['your-data']),
    section('privacy-contacts', 'Privacy contacts', sections['privacy-contacts']));
  renderDetails();
  renderServices();
  renderSignIn();
  renderYourData();
  await Promise.all([renderMarketing(), renderActivity(), renderPrivacyContacts()]);
  if (location.hash) {
    document.getElementById(decodeURIComponent(location.hash.slice(1)) + '-title')?.focus();
  }
});

async function reloadMe() {
  me = (await hub.run('me')).me;
}

function companyName(id) {
  return registry.companies.find((company) => company.id === id)?.name ?? id;
}

function serviceName(id) {
  return registry.services.find((service) => service.id === id)?.name ?? id;
}

// ---- My details ----

function renderDetails() {
  const details = me.basicDetails;
  const address = details.postalAddress ?? {};
  const form = h('form', { novalidate: true, 'aria-labelledby': 'details-title' },
    h('p', {}, 'Your details are shared with each linked service that needs them. Your email is your sign-in email: change it under ',
      h('a', { href: '#sign-in' }, 'Sign-in'), '.'),
    h('div', { class: 'fields' }, DETAILS.map(([name, label, options]) =>
      field(name, label, { ...options, value: details[name] ?? '' }))),
    h('fieldset', {}, h('legend', {}, 'Postal address'),
      h('div', { class: 'fields' }, ADDRESS.map(([name, label, options]) =>
        field('postalAddress.' + name, label, { ...options, value: address[name] ?? '' })))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save my details')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form.querySelector('button[type=submit]'), () => saveDetails(form));
  });
  show(sections.details, form);
}

function changedDetails(values) {
  const details = me.basicDetails;
  const changes = {};
  for (const [name] of DETAILS) {
    if ((values[name] ?? null) !== (details[name] ?? null)) {
      changes[name] = values[name];
    }
  }
  const address = Object.fromEntries(ADDRESS.map(([name]) => [name, values['postalAddress.' + name]]));
  const before = details.postalAddress ?? {};
  if (ADDRESS.some(([name]) => (address[name] ?? null) !== (before[name] ?? null))) {
    changes.postalAddress = Object.values(address).every((value) => value === null) ? null : address;
  }
  return changes;
}

async function saveDetails(form) {
  clearErrors(form);
  clearAlert();
  const changes = changedDetails(valuesOf(form));
  if (!Object.keys(changes).length) {
    announce('Nothing to save: your details are as they were.');
    return;
  }
  const answer = (await hub.run('updateMyBasicDetails', { input: { expectedRevision: me.revision, ...changes } }))
    .updateBasicDetails;
  const stale = answer.errors.find((error) => error.code === 'STALE_REVISION');
  if (stale) {
    showStale(form);
    return;
  }
  if (answer.errors.length) {
    showErrors(form, answer.errors);
    return;
  }
  await reloadMe();
  renderDetails();
  renderServices();
  announce('Your details are saved. Your linked services are being told.');
}

function showStale(form) {
  const reload = h('button', { type: 'button', onclick: async (event) => {
    await busy(event.target, async () => {
      await reloadMe();
      renderDetails();
      renderServices();
      announce('Your details are reloaded.');
    });
  } }, 'Reload my details');
  const message = h('div', { class: 'form-error stale', role: 'alert', tabindex: '-1' },
    h('p', {}, 'Your details were changed elsewhere — reload to see them. Nothing was saved from this form.'), reload);
  form.prepend(message);
  message.focus();
}

// ---- Linked services ----

function renderServices() {
  const links = me.linkedAccounts;
  if (!links.length) {
    show(sections.services, h('p', {}, 'No service is linked to your One Sign In.'));
    return;
  }
  const panel = h('div', { class: 'panel-slot' });
  show(sections.services,
    h('p', {}, 'Each service belongs to one company, which alone can cancel your account on it.'),
    table('Services linked to your One Sign In',
      ['Service', 'Controlled by', 'Your account there', 'Status', 'Details sent', 'Linked', ''],
      links.map((link) => [
        link.service.name,
        link.service.controller.name,
        link.serviceAccountId,
        link.status === 'ACTIVE' ? 'Active' : `Cancelled ${formatTime(link.cancelledAt)}`,
        link.status !== 'ACTIVE' ? '' : link.syncState === 'IN_SYNC' ? 'Up to date' : 'Waiting for the service',
        formatTime(link.linkedAt),
        link.status === 'ACTIVE'
          ? h('button', { type: 'button', class: 'secondary', onclick: () => askToCancel(panel, link) },
              `Cancel ${link.service.name} account`)
          : '',
      ])),
    panel);
}

function askToCancel(panel, link) {
  const form = h('form', { class: 'panel', 'aria-labelledby': 'cancel-title' },
    h('h3', { id: 'cancel-title', tabindex: '-1' }, `Cancel your ${link.service.name} account?`),
    h('p', {}, `Your account ${link.serviceAccountId} on ${link.service.name} is closed for good.`),
    field('reason', 'Why (optional)'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'danger' }, `Cancel my ${link.service.name} account`),
      h('button', { type: 'button', class: 'secondary', onclick: () => { panel.replaceChildren(); } }, 'Keep it')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form.querySelector('button[type=submit]'), () => cancelService(panel, form, link));
  });
  show(panel, form);
  form.querySelector('h3').focus();
}

async function cancelService(panel, form, link) {
  const { reason } = valuesOf(form);
  const answer = (await hub.run('cancelMyServiceAccount', { input: { serviceId: link.service.id, reason } }))
    .cancelServiceAccount;
  const notController = answer.errors.find((error) => error.code === 'NOT_CONTROLLER');
  if (notController) {
    showController(panel, notController);
    return;
  }
  if (answer.errors.length) {
    showErrors(form, answer.errors);
    return;
  }
  await reloadMe();
  renderServices();
  announce(`Your ${link.service.name} account is cancelled.`);
}

function contactOf(company) {
  const contact = company.privacyContact ?? {};
  return h('ul', { class: 'contact' },
    contact.email ? h('li', {}, 'Email: ', h('a', { href: 'mailto:' + contact.email }, contact.email)) : null,
    contact.postalAddress ? h('li', {}, 'Post: ', contact.postalAddress) : null,
    contact.webForm ? h('li', {}, 'Web: ', webLink(contact.webForm, contact.webForm)) : null);
}

function showController(panel, refusal) {
  const { service, controller } = refusal;
  const box = h('div', { class: 'panel refusal', role: 'alert', tabindex: '-1' },
    h('h3', {}, `Only ${controller.name} can cancel your ${service.name} account`),
    h('p', {}, `Each company can only cancel the accounts of its own services. ${service.name} is run by ${controller.name}.`),
    service.cancellation?.instructions ? h('p', {}, service.cancellation.instructions) : null,
    service.cancellation?.url
      ? h('p', {}, webLink(service.cancellation.url, `Cancel on ${service.name}`)) : null,
    h('p', {}, `${controller.name}'s privacy contact:`), contactOf(controller));
  show(panel, box);
  box.focus();
}

// ---- Marketing choices ----

async function renderMarketing() {
  let preferences;
  try {
    preferences = (await hub.run('myMarketingPreferences')).me.marketingPreferences;
  } catch (failure) {
    show(sections.marketing, h('p', { class: 'form-error' }, failure.message));
    return;
  }
  const history = h('div', {});
  show(sections.marketing,
    h('p', {}, `Choose how each company may send you marketing. You can change your mind at any time. `
      + `Messages about your accounts and orders are not marketing and still reach you.`),
    preferences.restricted
      ? h('p', { class: 'notice' }, 'Marketing to you is restricted until a guardian consents.') : null,
    groupWide(preferences),
    registry.companies.map((company) => companyChoices(company,
      preferences.companies.find((choices) => choices.company.id === company.id))),
    h('h3', {}, 'Your consent history'), history);
  pagedTable(history, 'Every marketing choice you or others recorded, newest first',
    ['When', 'Company', 'About', 'Choice', 'How', 'Policy'],
    async (after) => (await hub.run('myConsentHistory', { first: PAGE_SIZE, after })).me.consentHistory,
    (record) => [
      formatTime(record.time),
      record.company ? companyName(record.company.id) : 'All companies',
      aboutOf(record),
      `${STATE_NAMES[record.previousState] ?? record.previousState ?? ''} → ${STATE_NAMES[record.newState] ?? record.newState}`,
      [SOURCE_NAMES[record.source] ?? record.source, record.serviceId ? ` (${serviceName(record.serviceId)})` : '',
        record.ticket ? `, ticket ${record.ticket}` : ''].join(''),
      record.policyVersion ?? '',
    ]);
}

function aboutOf(record) {
  switch (record.purpose) {
    case 'GROUP_NEWS': return 'Group news and offers';
    case 'PROFILING_OBJECTION': return 'Objection to profiling';
    case 'GUARDIAN_CONSENT': return `Guardian consent (${record.guardianName ?? ''})`;
    default: return [CHANNEL_NAMES[record.channel] ?? record.channel, record.address].filter(Boolean).join(' ');
  }
}

function groupWide(preferences) {
  const newsGranted = preferences.groupNews === 'GRANTED';
  return h('div', { class: 'choices' },
    h('h3', {}, 'Across the group'),
    h('p', {}, 'News, competitions and offers from the whole group: ', h('strong', {}, STATE_NAMES[preferences.groupNews])),
    h('button', { type: 'button', onclick: (event) => busy(event.target, () => change('setMyGroupNewsConsent',
      { state: newsGranted ? 'WITHDRAWN' : 'GRANTED', policyVersion: POLICY_VERSION }, 'setGroupNewsConsent')) },
    newsGranted ? 'Stop group news' : 'Get group news'),
    h('p', {}, 'Profiling for direct marketing: ',
      h('strong', {}, preferences.profilingObjection ? 'You object' : 'You do not object')),
    h('button', { type: 'button', onclick: (event) => busy(event.target, () => change('objectToProfiling',
      { objection: !preferences.profilingObjection, policyVersion: POLICY_VERSION }, 'objectToProfiling')) },
    preferences.profilingObjection ? 'Withdraw my objection to profiling' : 'Object to profiling'));
}

function companyChoices(company, choices) {
  const channels = choices?.channels ?? [];
  const addresses = [...new Set([me.signInEmail,
    ...channels.filter((choice) => choice.channel === 'EMAIL' && choice.address).map((choice) => choice.address)])];
  const rows = [];
  for (const channel of CHANNELS) {
    for (const address of channel === 'EMAIL' ? addresses : [null]) {
      const choice = channels.find((known) => known.channel === channel && (channel !== 'EMAIL' || known.address === address));
      rows.push(channelRow(company, channel, address, choice));
    }
  }
  const another = h('form', { class: 'inline' },
    field('address', `Another email address of yours for ${company.name}`, { type: 'email', autocomplete: 'email' }),
    h('button', { type: 'submit' }, 'Allow email there'));
  another.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(another.querySelector('button'), () => change('setMyMarketingConsent', {
      companyId: company.id, channel: 'EMAIL', address: valuesOf(another).address, state: 'GRANTED',
      policyVersion: POLICY_VERSION,
    }, 'setMarketingConsent', another));
  });
  return h('div', { class: 'choices' },
    h('h3', {}, company.name),
    choices?.restrictedForMarketing ? h('p', { class: 'notice' }, 'No marketing until a guardian consents.') : null,
    table(`How ${company.name} may send you marketing`, ['Channel', 'Choice', 'Given', ''], rows),
    another);
}

function channelRow(company, channel, address, choice) {
  const state = choice?.state ?? 'NOT_ASKED';
  const granted = state === 'GRANTED';
  const what = CHANNEL_NAMES[channel] + (address ? ` to ${address}` : '');
  const button = h('button', {
    type: 'button',
    class: granted ? 'secondary' : null,
    'data-consent': [company.id, channel, address ?? ''].join(' '),
    'aria-label': `${granted ? 'Withdraw' : 'Allow'} ${what} from ${company.name}`,
  }, granted ? 'Withdraw' : 'Allow');
  button.addEventListener('click', () => busy(button, () => change('setMyMarketingConsent', {
    companyId: company.id, channel, address, state: granted ? 'WITHDRAWN' : 'GRANTED', policyVersion: POLICY_VERSION,
  }, 'setMarketingConsent')));
  return [
    what,
    STATE_NAMES[state],
    choice?.updatedAt ? `${formatTime(choice.updatedAt)} ${SOURCE_NAMES[choice.source] ?? ''}`
      + (choice.policyVersion ? ` (policy ${choice.policyVersion})` : '') : '',
    button,
  ];
}

async function change(operation, input, payloadName, form) {
  clearAlert();
  const answer = (await hub.run(operation, { input }))[payloadName];
  if (answer.errors.length) {
    if (form) {
      showErrors(form, answer.errors);
    } else {
      alertError(answer.errors.map((error) => error.message).join(' '));
    }
    return;
  }
  await renderMarketing();
  announce('Your marketing choice is saved.');
}

// ---- Sign-in ----

function renderSignIn() {
  const email = h('form', { novalidate: true, 'aria-labelledby': 'change-email-title' },
    h('h3', { id: 'change-email-title' }, 'Change my sign-in email'),
    field('newEmail', 'New sign-in email', { type: 'email', autocomplete: 'email' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Send a confirmation link')));
  email.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(email.querySelector('button'), () => changeEmail(email));
  });
  const password = h('form', { novalidate: true, 'aria-labelledby': 'change-password-title' },
    h('h3', { id: 'change-password-title' }, 'Change my password'),
    field('currentPassword', 'Current password', { type: 'password', autocomplete: 'current-password' }),
    field('newPassword', 'New password', { type: 'password', autocomplete: 'new-password',
      hint: 'At least 12 characters; not a common password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change my password')));
  password.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(password.querySelector('button'), () => changePassword(password));
  });
  show(sections['sign-in'],
    h('p', {}, 'You sign in everywhere with ', h('strong', {}, me.signInEmail),
      me.emailVerified ? ' (confirmed).' : ' (not confirmed yet).'),
    me.pendingSignInEmail
      ? h('p', { class: 'notice' }, `Waiting for you to confirm ${me.pendingSignInEmail}: follow the link we mailed there.`)
      : null,
    email, password);
}

async function changeEmail(form) {
  clearErrors(form);
  const { newEmail } = valuesOf(form);
  const answer = (await hub.run('changeMySignInEmail', { input: { expectedRevision: me.revision, newEmail } }))
    .changeSignInEmail;
  if (answer.errors.some((error) => error.code === 'STALE_REVISION')) {
    await reloadMe();
    showErrors(form, [{ field: [], message: 'Your account changed meanwhile: check the address and send again.' }]);
    return;
  }
  if (answer.errors.length) {
    showErrors(form, answer.errors);
    return;
  }
  await reloadMe();
  renderSignIn();
  announce(`We mailed a link to ${newEmail}. Follow it and confirm with your password.`);
}

async function changePassword(form) {
  clearErrors(form);
  const { currentPassword, newPassword } = valuesOf(form);
  const answer = (await hub.run('changeMyPassword', { input: { currentPassword, newPassword } })).changePassword;
  if (answer.errors.length) {
    showErrors(form, answer.errors);
    return;
  }
  form.reset();
  announce('Your password is changed. You are signed out on your other devices.');
}

// ---- History and access ----

async function renderActivity() {
  const changes = h('div', {});
  const accesses = h('div', {});
  show(sections.activity,
    h('h3', {}, 'Changes to my details'), changes,
    h('h3', {}, 'Who accessed my data'),
    h('p', {}, 'Every time customer support or a service read or changed your account.'), accesses);
  await Promise.all([
    pagedTable(changes, 'Changes to your details, newest first', ['When', 'What', 'Before', 'After', 'By'],
      async (after) => (await hub.run('myChangeHistory', { first: PAGE_SIZE, after })).me.changeHistory,
      (change) => [formatTime(change.time), change.field, change.before ?? '', change.after ?? '',
        [ACTOR_NAMES[change.actorKind] ?? change.actorKind,
          change.serviceId ? ` through ${serviceName(change.serviceId)}` : '',
          change.companyId && !change.serviceId ? ` of ${companyName(change.companyId)}` : ''].join('')]),
    pagedTable(accesses, 'Accesses to your account by others, newest first', ['When', 'Who', 'Company', 'What', 'Ticket'],
      async (after) => (await hub.run('myAccessLog', { first: PAGE_SIZE, after })).me.accessLog,
      (entry) => [formatTime(entry.time),
        `${ACTOR_NAMES[entry.actorKind] ?? entry.actorKind}${entry.serviceId ? ` (${serviceName(entry.serviceId)})` : ''}`,
        entry.company?.name ?? '', [entry.action, (entry.fields ?? []).join(', ')].filter(Boolean).join(': '),
        entry.ticket ?? '']),
  ]);
}

/** A table of a connection's nodes, with a button for the next page while there is one. */
async function pagedTable(container, caption, headers, load, rowOf) {
  const body = h('tbody', {});
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show more');
  const empty = h('p', { hidden: true }, 'Nothing yet.');
  const tableElement = h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))), body);
  show(container, tableElement, empty, more);
  let after = null;
  const next = async () => {
    const connection = await load(after);
    for (const edge of connection.edges) {
      body.append(h('tr', {}, rowOf(edge.node).map((cell) => h('td', {}, cell))));
    }
    after = connection.pageInfo.endCursor;
    more.hidden = !connection.pageInfo.hasNextPage;
    tableElement.hidden = body.children.length === 0;
    empty.hidden = body.children.length > 0;
  };
  more.addEventListener('click', () => busy(more, next));
  try {
    await next();
  } catch (failure) {
    show(container, h('p', { class: 'form-error' }, failure.message));
  }
}

// ---- My data ----

function renderYourData() {
  const exportButton = h('button', { type: 'button', onclick: () => busy(exportButton, exportData) },
    'Download my data');
  const understood = h('input', { type: 'checkbox', id: 'close-understood', name: 'understood' });
  const close = h('form', { novalidate: true, 'aria-labelledby': 'close-title' },
    h('h3', { id: 'close-title' }, 'Close my One Sign In'),
    h('p', {}, 'You can close your One Sign In once no service account is linked to it any more. '
      + 'Your details are then erased after the retention period; the proof of your consents and the access log are kept.'),
    h('div', { class: 'check' }, understood,
      h('label', { for: 'close-understood' }, 'I understand that I cannot sign in to any service afterwards')),
    field('reason', 'Why (optional)'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Close my One Sign In')),
    h('div', { class: 'panel-slot' }));
  close.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(close.querySelector('button[type=submit]'), () => closeIdentity(close));
  });
  show(sections['your-data'],
    h('h3', {}, 'Download my data'),
    h('p', {}, 'Everything the hub holds about you, as one JSON file.'), exportButton, close);
}

async function exportData() {
  clearAlert();
  const answer = (await hub.run('exportMyData')).exportMyData;
  if (answer.errors.length) {
    alertError(answer.errors.map((error) => error.message).join(' '));
    return;
  }
  const file = new Blob([JSON.stringify(answer.data, null, 2)], { type: 'application/json' });
  const link = h('a', { href: URL.createObjectURL(file), download: 'one-sign-in-data.json', hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  announce('Your data is downloaded as one-sign-in-data.json.');
}

async function closeIdentity(form) {
  clearErrors(form);
  const slot = form.querySelector('.panel-slot');
  slot.replaceChildren();
  if (!form.querySelector('#close-understood').checked) {
    showErrors(form, [{ field: [], message: 'Tick the box to confirm you understand.' }]);
    return;
  }
  const answer = (await hub.run('closeMyAccount', { input: { reason: valuesOf(form).reason } })).closeAccount;
  const active = answer.errors.find((error) => error.code === 'LINKED_ACCOUNTS_ACTIVE');
  if (active) {
    const box = h('div', { class: 'panel refusal', role: 'alert', tabindex: '-1' },
      h('h4', {}, 'First cancel your accounts on these services'),
      h('p', {}, 'Each company cancels the accounts of its own services:'),
      h('ul', {}, active.activeLinks.map((link) => h('li', {},
        h('strong', {}, link.service.name), ` (${link.controller.name}). `,
        link.service.cancellation?.instructions ?? '', ' ',
        link.service.cancellation?.url ? webLink(link.service.cancellation.url, 'Cancel there') : null,
        contactOf(link.controller)))));
    slot.append(box);
    box.focus();
    return;
  }
  if (answer.errors.length) {
    showErrors(form, answer.errors);
    return;
  }
  await reloadMe();
  show(document.getElementById('content'), h('h1', { tabindex: '-1' }, 'Your One Sign In is closed'),
    h('p', {}, 'You can no longer sign in with it. Thank you for having used it.'));
  document.getElementById('sections').hidden = true;
  document.querySelector('h1').focus();
}

// ---- Privacy contacts ----

async function renderPrivacyContacts() {
  let companies;
  try {
    companies = (await hub.run('privacyContacts')).privacyContacts;
  } catch (failure) {
    if (failure instanceof HubError) {
      show(sections['privacy-contacts'], h('p', { class: 'form-error' }, failure.message));
      return;
    }
    throw failure;
  }
  show(sections['privacy-contacts'],
    h('p', {}, 'Each company is responsible for your data on its own services. Ask it about them directly:'),
    h('ul', { class: 'companies' }, companies.map((company) => h('li', {},
      h('h3', {}, company.name),
      h('p', {}, 'Services: ', company.services.map((service) => service.name).join(', ') || 'none'),
      contactOf(company)))));
}
