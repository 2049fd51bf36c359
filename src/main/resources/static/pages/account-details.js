// My details: the person's basic details, edited in place; a save names the revision the
// form was drawn from, so a change made elsewhere meanwhile is refused, never overwritten.
import { focusSection, hub, me, reloadMe, sections } from './account-context.js';
import { renderActivity } from './account-activity.js';
import { renderServices } from './account-services.js';
import { announce, busy, clearAlert, clearErrors, field, h, show, showErrors, valuesOf } from './dom.js';

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
const REQUIRED_ADDRESS = ['streetAddress', 'locality', 'country'];

export function renderDetails() {
  // the account this form shows: saved changes are the differences from it, based on its
  // revision, however often the page reads the account meanwhile
  const base = me;
  const details = base.basicDetails;
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
    busy(form.querySelector('button[type=submit]'), () => saveDetails(form, base));
  });
  show(sections.details, form);
}

function changedDetails(base, values) {
  const details = base.basicDetails;
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

async function saveDetails(form, base) {
  clearErrors(form);
  clearAlert();
  const changes = changedDetails(base, valuesOf(form));
  if (!Object.keys(changes).length) {
    announce('Nothing to save: your details are as they were.');
    return;
  }
  const missing = changes.postalAddress ? REQUIRED_ADDRESS.filter((name) => !changes.postalAddress[name]) : [];
  if (missing.length) {
    showErrors(form, missing.map((name) => ({ field: ['postalAddress', name], message: 'A postal address needs this.' })));
    return;
  }
  const answer = (await hub.run('updateMyBasicDetails', { input: { expectedRevision: base.revision, ...changes } }))
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
  renderActivity();
  focusSection('details');
  announce('Your details are saved. Your linked services are being told.');
}

function showStale(form) {
  const reload = h('button', { type: 'button', onclick: async (event) => {
    await busy(event.target, async () => {
      await reloadMe();
      renderDetails();
      renderServices();
      focusSection('details');
      announce('Your details are reloaded.');
    });
  } }, 'Reload my details');
  const message = h('div', { class: 'form-error stale', role: 'alert', tabindex: '-1' },
    h('p', {}, 'Your details were changed elsewhere — reload to see them. Nothing was saved from this form.'), reload);
  form.prepend(message);
  message.focus();
}
