// The support console: an agent of one company finds a customer and acts on their
// request, every action under a ticket reference (recorded in the customer's access
// log), through the hub's API with the agent's token (client support-console).
import { POLICY_VERSION, section, showWho, startPage } from './page.js';
import {
  alertError, announce, busy, webLink, clearAlert, clearErrors, field, h, show, showErrors, table, valuesOf,
} from './dom.js';

const CLIENT = 'support-console';
const CHANNEL_CHOICES = [['EMAIL', 'Email'], ['POST', 'Post'], ['PHONE', 'Phone'], ['SMS', 'Text message']];
const REASON_NAMES = {
  ACCOUNT_NOT_ACTIVE: 'the account is not active',
  NO_CONSENT: 'the customer has not given consent',
  WITHDRAWN: 'the customer withdrew consent',
  ADDRESS_UNSUBSCRIBED: 'this address is unsubscribed',
  MINOR_WITHOUT_GUARDIAN_CONSENT: 'the customer is a minor without guardian consent',
  PROFILING_OBJECTED: 'the customer objects to profiling',
};

let hub;
let agent;
let registry;
let ticketForm;
let results;
let customerSlot;

startPage(CLIENT, async (signedInHub, session) => {
  hub = signedInHub;
  const claims = session.claims();
  if (!(claims.roles ?? []).includes('support') || !claims.company) {
    showWho(session, 'Signed in');
    show(document.getElementById('content'), h('h1', {}, 'This console is for support agents'),
      h('p', {}, 'You signed in as a customer. Your own account is at ', h('a', { href: '/account/' }, '/account/'), '.'));
    return;
  }
  try {
    registry = await hub.run('registry');
  } catch (failure) {
    alertError(failure.message);
    return;
  }
  agent = { id: claims.sub, company: registry.companies.find((company) => company.id === claims.company)
    ?? { id: claims.company, name: claims.company } };
  showWho(session, 'Agent ', h('strong', {}, agent.id), ' for ', h('strong', {}, agent.company.name));
  ticketForm = h('form', { novalidate: true, class: 'ticket', 'aria-labelledby': 'ticket-title' },
    h('h2', { id: 'ticket-title' }, 'Ticket'),
    field('ticket', 'Ticket reference', { required: true,
      hint: 'Required for every action; the customer sees it in their access log.' }));
  ticketForm.addEventListener('submit', (event) => event.preventDefault());
  const search = h('form', { novalidate: true, 'aria-labelledby': 'search-title' },
    h('p', {}, 'Find a customer by one of these:'),
    h('div', { class: 'fields' },
      field('email', 'Sign-in email', { type: 'email' }),
      field('phone', 'Phone', { type: 'tel', hint: 'With the country code' }),
      field('name', 'Name', { hint: 'The start of the given or family name' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Search')));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(search.querySelector('button'), () => searchCustomers(search));
  });
  results = h('div', {});
  customerSlot = h('div', {});
  show(document.getElementById('content'),
    h('h1', {}, 'Support console'),
    ticketForm,
    section('search', 'Find a customer', search, results),
    customerSlot);
});

/** The ticket, or null after showing on its field that one is needed. */
function ticket() {
  clearErrors(ticketForm);
  const { ticket: value } = valuesOf(ticketForm);
  if (!value) {
    showErrors(ticketForm, [{ field: ['ticket'], message: 'Enter the ticket reference of this request first.' }]);
    return null;
  }
  return value;
}

/**
 * Runs a form's action with the ticket when the form is sent: the button waits while the
 * hub works, and without a ticket nothing is sent.
 */
function withTicket(form, action) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form.querySelector('button[type=submit]'), async () => {
      clearErrors(form);
      const reference = ticket();
      if (reference) {
        await action(reference);
      }
    });
  });
}

function companyName(id) {
  return registry.companies.find((company) => company.id === id)?.name ?? id;
}

async function searchCustomers(form) {
  clearAlert();
  clearErrors(form);
  const reference = ticket();
  if (!reference) {
    results.replaceChildren();
    return;
  }
  const query = Object.fromEntries(Object.entries(valuesOf(form)).filter(([, value]) => value !== null));
  if (!Object.keys(query).length) {
    showErrors(form, [{ field: [], message: 'Enter an email, a phone number or a name.' }]);
    return;
  }
  const connection = (await hub.run('searchAccounts', { query, ticket: reference, first: 20 })).searchAccounts;
  if (!connection.edges.length) {
    show(results, h('p', {}, 'No customer of ', agent.company.name, ' matches.'));
    announce(`No customer of ${agent.company.name} matches.`);
    return;
  }
  announce(`${connection.edges.length}${connection.pageInfo.hasNextPage ? ' or more' : ''} customers found.`);
  show(results, table('Customers found', ['Name', 'Sign-in email', 'Phone', 'Status', 'Services', ''],
    connection.edges.map(({ node }) => [
      [node.basicDetails.givenName, node.basicDetails.familyName].filter(Boolean).join(' '),
      node.signInEmail,
      node.basicDetails.phone ?? '',
      node.status === 'ACTIVE' ? 'Active' : node.status === 'CLOSED' ? 'Closed' : node.status,
      node.linkedAccounts.filter((link) => link.status === 'ACTIVE').map((link) => serviceName(link.service.id)).join(', '),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Open ${node.signInEmail}`,
        onclick: (event) => busy(event.target, () => openCustomer(node.id)) }, 'Open'),
    ])),
  connection.pageInfo.hasNextPage ? h('p', {}, 'More customers match: narrow the search.') : null);
}

async function openCustomer(id) {
  clearAlert();
  const reference = ticket();
  if (!reference) {
    return;
  }
  const customer = (await hub.run('customerAccount', { id, ticket: reference })).account;
  if (!customer) {
    alertError('This customer is not one of your company\'s, or no longer exists.');
    return;
  }
  show(customerSlot, section('customer', `Customer ${customer.signInEmail}`,
    h('p', {}, `Status ${customer.status === 'ACTIVE' ? 'active' : customer.status.toLowerCase()}, `
      + `revision ${customer.revision}. You see the services of ${agent.company.name} only.`),
    corrections(customer),
    h('h3', {}, 'Linked services'),
    links(customer),
    cancellation(customer),
    marketingChoice(customer),
    permissionCheck(customer)));
  document.getElementById('customer-title').focus();
}

function corrections(customer) {
  const details = customer.basicDetails;
  const form = h('form', { novalidate: true, 'aria-labelledby': 'corrections-title' },
    h('h3', { id: 'corrections-title' }, 'Correct details on the customer\'s request'),
    h('div', { class: 'fields' },
      field('givenName', 'Given name', { value: details.givenName ?? '' }),
      field('familyName', 'Family name', { value: details.familyName ?? '' }),
      field('phone', 'Phone', { type: 'tel', value: details.phone ?? '' }),
      field('country', 'Country', { value: details.country ?? '', hint: 'Two letters' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save corrections')));
  withTicket(form, async (reference) => {
    const values = valuesOf(form);
    const changes = Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== (details[name] ?? null)));
    if (!Object.keys(changes).length) {
      announce('Nothing to save.');
      return;
    }
    const answer = (await hub.run('correctBasicDetails', {
      input: { accountId: customer.id, expectedRevision: customer.revision, ticket: reference, ...changes },
    })).updateBasicDetails;
    if (answer.errors.some((error) => error.code === 'STALE_REVISION')) {
      showErrors(form, [{ field: [], message: 'The details changed meanwhile — open the customer again.' }]);
      return;
    }
    if (answer.errors.length) {
      showErrors(form, answer.errors);
      return;
    }
    await openCustomer(customer.id);
    announce('The corrections are saved and sent to the customer\'s services.');
  });
  return form;
}

function links(customer) {
  return table('The customer\'s linked services', ['Service', 'Controlled by', 'Account', 'Status'],
    customer.linkedAccounts.map((link) => [serviceName(link.service.id), companyName(link.service.controller.id),
      link.serviceAccountId, link.status === 'ACTIVE' ? 'Active' : 'Cancelled']));
}

function serviceName(id) {
  return registry.services.find((service) => service.id === id)?.name ?? id;
}

/**
 * Cancelling the customer's account on a service they name: any service of the group,
 * since the customer may ask for any; the hub cancels only the agent's company's and
 * names the controller of the others.
 */
function cancellation(customer) {
  const own = registry.services.filter((service) => service.controller.id === agent.company.id);
  const others = registry.services.filter((service) => service.controller.id !== agent.company.id);
  const choices = [...own, ...others].map((service) => [service.id, `${service.name} (${service.controller.name})`]);
  const outcome = h('div', { class: 'panel-slot' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'cancel-title' },
    h('h3', { id: 'cancel-title' }, 'Cancel the customer\'s account on a service'),
    h('p', {}, `${agent.company.name} can cancel the accounts of its own services only.`),
    h('div', { class: 'fields' },
      field('serviceId', 'Service', { choices }),
      field('reason', 'Reason the customer gave')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Cancel the account')),
    outcome);
  withTicket(form, async (reference) => {
    outcome.replaceChildren();
    const { serviceId, reason } = valuesOf(form);
    const answer = (await hub.run('cancelServiceAccountForCustomer', { input: {
      accountId: customer.id, serviceId, reason, ticket: reference,
    } })).cancelServiceAccount;
    const notController = answer.errors.find((error) => error.code === 'NOT_CONTROLLER');
    if (notController) {
      showController(outcome, notController);
      return;
    }
    if (answer.errors.length) {
      showErrors(form, answer.errors);
      return;
    }
    const ours = (link) => link.status === 'ACTIVE'
      && registry.services.find((service) => service.id === link.service.id)?.controller.id === agent.company.id;
    if (answer.account?.linkedAccounts.some(ours)) {
      await openCustomer(customer.id);
    } else {
      // without an active account at one of the agent's company's services, the
      // customer is no longer the agent's to see
      show(customerSlot, section('customer', `Customer ${customer.signInEmail}`, h('p', { class: 'notice' },
        `The customer has no active account left with ${agent.company.name}, so their details are no longer shown here.`)));
    }
    announce(`The customer's ${serviceName(serviceId)} account is cancelled.`);
  });
  return form;
}

function showController(slot, { service, controller }) {
  const contact = controller.privacyContact ?? {};
  const box = h('div', { class: 'panel refusal', role: 'alert', tabindex: '-1' },
    h('h4', {}, `Only ${controller.name} can cancel the customer's ${service.name} account`),
    service.cancellation?.instructions ? h('p', {}, 'Tell the customer: ', service.cancellation.instructions) : null,
    h('ul', { class: 'contact' },
      service.cancellation?.url ? h('li', {}, 'Where: ', webLink(service.cancellation.url, service.cancellation.url)) : null,
      contact.email ? h('li', {}, 'Privacy contact: ', h('a', { href: 'mailto:' + contact.email }, contact.email)) : null,
      contact.webForm ? h('li', {}, 'Web form: ', webLink(contact.webForm, contact.webForm)) : null));
  show(slot, box);
  box.focus();
}

function marketingChoice(customer) {
  const form = h('form', { novalidate: true, 'aria-labelledby': 'choice-title' },
    h('h3', { id: 'choice-title' }, `Record a marketing choice given by phone (${agent.company.name})`),
    h('div', { class: 'fields' },
      field('channel', 'Channel', { choices: CHANNEL_CHOICES }),
      field('address', 'Email address', { type: 'email', hint: 'Email only; the sign-in email when empty' }),
      field('state', 'The customer\'s choice', { choices: [['GRANTED', 'Allows'], ['WITHDRAWN', 'Withdraws']] })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record the choice')));
  withTicket(form, async (reference) => {
    const { channel, address, state } = valuesOf(form);
    const answer = (await hub.run('recordMarketingChoice', { input: {
      accountId: customer.id, companyId: agent.company.id, channel, address: channel === 'EMAIL' ? address : null,
      state, policyVersion: agent.company.privacyPolicy?.currentVersion ?? POLICY_VERSION, ticket: reference,
    } })).setMarketingConsent;
    if (answer.errors.length) {
      showErrors(form, answer.errors);
      return;
    }
    announce('The customer\'s choice is recorded.');
  });
  return form;
}

function permissionCheck(customer) {
  const verdict = h('p', { class: 'verdict', role: 'status' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'permission-title' },
    h('h3', { id: 'permission-title' }, `May ${agent.company.name} contact this customer?`),
    h('div', { class: 'fields' },
      field('channel', 'Channel', { choices: CHANNEL_CHOICES }),
      field('purpose', 'Purpose', { choices: [['MARKETING', 'Marketing'], ['TRANSACTIONAL', 'About their account or order']] }),
      field('address', 'Email address', { type: 'email', hint: 'Email only; the sign-in email when empty' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Check')),
    verdict);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form.querySelector('button'), async () => {
      clearErrors(form);
      verdict.textContent = '';
      const { channel, purpose, address } = valuesOf(form);
      const permission = (await hub.run('contactPermissionForSupport', {
        accountId: customer.id, companyId: agent.company.id, channel, purpose,
        address: channel === 'EMAIL' ? address : null,
      })).contactPermission;
      verdict.textContent = permission.allowed ? 'Allowed.'
        : 'Not allowed: ' + permission.reasons.map((reason) => REASON_NAMES[reason] ?? reason).join('; ') + '.';
    });
  });
  return form;
}
