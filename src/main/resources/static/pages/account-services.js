// Linked services: each link with its controller and sync state, and cancelling one; for
// another company's service the hub answers NOT_CONTROLLER, and the page says whom to ask.
import { contactOf, focusSection, hub, me, reloadMe, sections } from './account-context.js';
import { announce, busy, field, formatTime, h, show, showErrors, table, valuesOf, webLink } from './dom.js';

export function renderServices() {
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
      h('button', { type: 'button', class: 'secondary', onclick: () => {
        panel.replaceChildren();
        focusSection('services');
      } }, 'Keep it')));
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
  focusSection('services');
  announce(`Your ${link.service.name} account is cancelled.`);
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
