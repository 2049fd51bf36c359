// Marketing choices: per company and channel (email per address), the group's news, the
// profiling objection, each with when and how it was given, and the consent history.
import {
  CHANNEL_NAMES, PAGE_SIZE, SOURCE_NAMES, STATE_NAMES, companyName, focusSection, hub, me, registry, sections,
  serviceName,
} from './account-context.js';
import { POLICY_VERSION } from './page.js';
import {
  alertError, announce, busy, clearAlert, field, formatTime, h, pagedTable, show, showErrors, table, valuesOf, webLink,
} from './dom.js';

const CHANNELS = ['EMAIL', 'POST', 'PHONE', 'SMS'];

export async function renderMarketing(focusKey) {
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
  pagedTable(history, 'Every marketing choice you or others recorded, oldest first',
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
      { state: newsGranted ? 'WITHDRAWN' : 'GRANTED', policyVersion: POLICY_VERSION }, 'setGroupNewsConsent', null,
      'group-news')), 'data-consent': 'group-news' },
    newsGranted ? 'Stop group news' : 'Get group news'),
    h('p', {}, 'Profiling for direct marketing: ',
      h('strong', {}, preferences.profilingObjection ? 'You object' : 'You do not object')),
    h('button', { type: 'button', onclick: (event) => busy(event.target, () => change('objectToProfiling',
      { objection: !preferences.profilingObjection, policyVersion: POLICY_VERSION }, 'objectToProfiling', null,
      'profiling')), 'data-consent': 'profiling' },
    preferences.profilingObjection ? 'Withdraw my objection to profiling' : 'Object to profiling'));
}

/** The version of the company's privacy policy a choice is given under: its current one. */
function policyOf(company) {
  return company.privacyPolicy?.currentVersion ?? POLICY_VERSION;
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
    const { address } = valuesOf(another);
    if (!address) {
      // without an address the hub would take the sign-in email
      showErrors(another, [{ field: ['address'], message: 'Enter the other email address.' }]);
      return;
    }
    busy(another.querySelector('button'), () => change('setMyMarketingConsent', {
      companyId: company.id, channel: 'EMAIL', address, state: 'GRANTED', policyVersion: policyOf(company),
    }, 'setMarketingConsent', another));
  });
  return h('div', { class: 'choices' },
    h('h3', {}, company.name),
    company.privacyPolicy
      ? h('p', {}, 'Your choices here are given under ', webLink(company.privacyPolicy.url, `${company.name}'s privacy policy`),
          `, version ${company.privacyPolicy.currentVersion}.`)
      : null,
    choices?.restrictedForMarketing ? h('p', { class: 'notice' }, 'No marketing until a guardian consents.') : null,
    table(`How ${company.name} may send you marketing`, ['Channel', 'Choice', 'Given', ''], rows),
    another);
}

function channelRow(company, channel, address, choice) {
  const state = choice?.state ?? 'NOT_ASKED';
  const granted = state === 'GRANTED';
  const what = CHANNEL_NAMES[channel] + (address ? ` to ${address}` : '');
  const key = [company.id, channel, address ?? ''].join(' ');
  const button = h('button', {
    type: 'button',
    class: granted ? 'secondary' : null,
    'data-consent': key,
    'aria-label': `${granted ? 'Withdraw' : 'Allow'} ${what} from ${company.name}`,
  }, granted ? 'Withdraw' : 'Allow');
  button.addEventListener('click', () => busy(button, () => change('setMyMarketingConsent', {
    companyId: company.id, channel, address, state: granted ? 'WITHDRAWN' : 'GRANTED', policyVersion: policyOf(company),
  }, 'setMarketingConsent', null, key)));
  return [
    what,
    STATE_NAMES[state],
    choice?.updatedAt ? `${formatTime(choice.updatedAt)} ${SOURCE_NAMES[choice.source] ?? ''}`
      + (choice.policyVersion ? ` (policy ${choice.policyVersion})` : '') : '',
    button,
  ];
}

async function change(operation, input, payloadName, form, focusKey) {
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
  // the same choice's button, redrawn; or the section
  const again = focusKey && [...sections.marketing.querySelectorAll('button[data-consent]')]
    .find((candidate) => candidate.dataset.consent === focusKey);
  if (again) {
    again.focus();
  } else {
    focusSection('marketing');
  }
  announce('Your marketing choice is saved.');
}
