// My data: the export download, closing the identity (refused while links are active,
// naming whom to ask), and the companies' privacy contacts.
import { contactOf, hub, reloadMe, sections } from './account-context.js';
import { HubError } from './hub.js';
import { alertError, announce, busy, clearAlert, clearErrors, field, h, show, showErrors, valuesOf, webLink } from './dom.js';

export function renderYourData() {
  const exportButton = h('button', { type: 'button', onclick: () => busy(exportButton, exportData) },
    'Download my data');
  const understood = h('input', { type: 'checkbox', id: 'close-understood', name: 'understood' });
  const understoodError = h('p', { class: 'field-error', id: 'close-understood-error', hidden: true });
  const close = h('form', { novalidate: true, 'aria-labelledby': 'close-title' },
    h('h3', { id: 'close-title' }, 'Close my One Sign In'),
    h('p', {}, 'You can close your One Sign In once no service account is linked to it any more. '
      + 'Your details are then erased after the retention period; the proof of your consents and the access log are kept.'),
    h('div', { class: 'check' }, understood,
      h('label', { for: 'close-understood' }, 'I understand that I cannot sign in to any service afterwards')),
    understoodError,
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
    showErrors(form, [{ field: ['understood'], message: 'Tick the box to confirm you understand.' }]);
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

export async function renderPrivacyContacts() {
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
