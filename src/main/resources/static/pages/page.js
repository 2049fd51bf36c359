// What the account pages and the support console share: signing in, the header's
// "signed in as" line with its sign-out button, and the signed-out view.
import { signIn, signInAgain } from './sign-in.js';
import { Hub } from './hub.js';
import { h, show } from './dom.js';

export const POLICY_VERSION = document.querySelector('meta[name="privacy-policy-version"]').content;

function signedOut(clientId, message) {
  show(document.getElementById('content'),
    h('h1', {}, message),
    h('button', { type: 'button', onclick: () => signInAgain(clientId) }, 'Sign in'));
}

/**
 * Signs the page in and calls open(hub, session) with a Hub for its calls; shows the
 * signed-out view instead when the person signed out or the sign-in failed.
 */
export async function startPage(clientId, open) {
  let session;
  try {
    session = await signIn(clientId);
  } catch (failure) {
    signedOut(clientId, failure.message);
    return;
  }
  if (!session) {
    signedOut(clientId, 'You are signed out.');
    return;
  }
  const hub = new Hub(session);
  await open(hub, session);
}

/** The header's line: who is signed in, and a sign-out button. */
export function showWho(session, ...who) {
  show(document.getElementById('who'),
    h('span', {}, who),
    h('button', { type: 'button', class: 'secondary', onclick: () => session.signOut() }, 'Sign out'));
}

/** A section with its heading, which the sections' links and focus can reach. */
export function section(id, title, ...children) {
  return h('section', { id, 'aria-labelledby': id + '-title' },
    h('h2', { id: id + '-title', tabindex: '-1' }, title), children);
}
