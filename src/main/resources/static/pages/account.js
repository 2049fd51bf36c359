// The account pages ("My account"): a person's details, linked services, marketing
// choices, sign-in, history, data and privacy contacts, all through the hub's API with
// the person's own token (client account-pages). Each section is a module of its own.
import { begin, focusSection, sections } from './account-context.js';
import { renderActivity } from './account-activity.js';
import { renderPrivacyContacts, renderYourData } from './account-data.js';
import { renderDetails } from './account-details.js';
import { renderMarketing } from './account-marketing.js';
import { renderServices } from './account-services.js';
import { renderSignIn } from './account-sign-in.js';
import { section, showWho, startPage } from './page.js';
import { alertError, h, show } from './dom.js';

const CLIENT = 'account-pages';

startPage(CLIENT, async (signedInHub, session) => {
  let me;
  try {
    const [account, registry] = await Promise.all([signedInHub.run('me').then((data) => data.me),
      signedInHub.run('registry')]);
    begin(signedInHub, account, registry);
    me = account;
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
    focusSection(location.hash.slice(1));
  }
});
