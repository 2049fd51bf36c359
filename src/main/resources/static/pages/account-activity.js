// History and access: the field-level change history and who else read or changed the
// account (the access log), a page at a time.
import { ACTOR_NAMES, PAGE_SIZE, companyName, hub, sections, serviceName } from './account-context.js';
import { formatTime, h, pagedTable, show } from './dom.js';

export async function renderActivity() {
  const changes = h('div', {});
  const accesses = h('div', {});
  show(sections.activity,
    h('h3', {}, 'Changes to my details'), changes,
    h('h3', {}, 'Who accessed my data'),
    h('p', {}, 'Every time customer support or a service read or changed your account.'), accesses);
  await Promise.all([
    pagedTable(changes, 'Changes to your details, oldest first', ['When', 'What', 'Before', 'After', 'By'],
      async (after) => (await hub.run('myChangeHistory', { first: PAGE_SIZE, after })).me.changeHistory,
      (change) => [formatTime(change.time), change.field, change.before ?? '', change.after ?? '',
        [ACTOR_NAMES[change.actorKind] ?? change.actorKind,
          change.serviceId ? ` through ${serviceName(change.serviceId)}` : '',
          change.companyId && !change.serviceId ? ` of ${companyName(change.companyId)}` : ''].join('')]),
    pagedTable(accesses, 'Accesses to your account by others, oldest first', ['When', 'Who', 'Company', 'What', 'Ticket'],
      async (after) => (await hub.run('myAccessLog', { first: PAGE_SIZE, after })).me.accessLog,
      (entry) => [formatTime(entry.time),
        `${ACTOR_NAMES[entry.actorKind] ?? entry.actorKind}${entry.serviceId ? ` (${serviceName(entry.serviceId)})` : ''}`,
        entry.company?.name ?? '', [entry.action, (entry.fields ?? []).join(', ')].filter(Boolean).join(': '),
        entry.ticket ?? '']),
  ]);
}
