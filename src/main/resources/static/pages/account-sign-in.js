// Sign-in: the sign-in email (changed once the new address is confirmed) and the password.
import { hub, me, reloadMe, sections } from './account-context.js';
import { announce, busy, clearErrors, field, h, show, showErrors, valuesOf } from './dom.js';

export function renderSignIn() {
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
    // for password managers: whose password this is
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: me.signInEmail, hidden: true,
      readonly: true }),
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
  if (!newEmail) {
    showErrors(form, [{ field: ['newEmail'], message: 'Enter the new address.' }]);
    return;
  }
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
  const missing = [['currentPassword', currentPassword, 'Enter your current password.'],
    ['newPassword', newPassword, 'Enter a new password.']].filter(([, value]) => !value);
  if (missing.length) {
    showErrors(form, missing.map(([name, , message]) => ({ field: [name], message })));
    return;
  }
  const answer = (await hub.run('changeMyPassword', { input: { currentPassword, newPassword } })).changePassword;
  if (answer.errors.length) {
    showErrors(form, answer.errors);
    return;
  }
  form.reset();
  announce('Your password is changed. Every sign-in with the old one has ended; '
    + 'this page asks for the new one when its session runs out.');
}
