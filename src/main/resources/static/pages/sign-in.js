// Sign-in for the hub's own pages: OAuth 2 authorization code with PKCE (RFC 7636) against
// the hub's sign-in server, as a public client. The tokens stay in this page's memory,
// never in localStorage or a cookie; only the one-time PKCE verifier and state wait in
// sessionStorage while the browser is at the sign-in page. A reload signs in again, which
// the sign-in server's session answers without asking for the password.

const PENDING = 'one-sign-in.pending';
const SIGNED_OUT = 'signed-out';
// renew this long before the access token expires
const RENEW_MARGIN_MS = 30_000;

export class SignInError extends Error {}

function base64url(bytes) {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte);
  }
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function tokenRequest(form) {
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new SignInError('The sign-in server refused the sign-in: sign in again.');
  }
  return response.json();
}

function pageAddress() {
  return location.origin + location.pathname;
}

async function goToSignIn(clientId) {
  const verifier = randomToken();
  const state = randomToken();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash }));
  const authorize = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: pageAddress(),
    scope: 'openid',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign('/oauth2/authorize?' + authorize);
  // the page is leaving
  return new Promise(() => {});
}

/** A signed-in session: the tokens, renewed with the refresh token when they expire. */
export class Session {
  constructor(clientId, tokens) {
    this.clientId = clientId;
    this.accept(tokens);
  }

  accept(tokens) {
    this.accessToken = tokens.access_token;
    this.refreshToken = tokens.refresh_token ?? this.refreshToken;
    this.idToken = tokens.id_token ?? this.idToken;
    this.expiresAt = Date.now() + (tokens.expires_in ?? 300) * 1000;
  }

  /** The access token's claims, to show who is signed in; the hub checks the token itself. */
  claims() {
    const payload = this.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (character) => character.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  async token() {
    if (Date.now() > this.expiresAt - RENEW_MARGIN_MS) {
      await this.renew();
    }
    return this.accessToken;
  }

  /**
   * A new access token from the refresh token, or a new sign-in when that is refused.
   * Calls at the same time share one refresh: each refresh token is good for one use, and
   * using one twice ends the whole sign-in.
   */
  renew() {
    this.renewing ??= this.refresh().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  async refresh() {
    if (this.refreshToken) {
      try {
        this.accept(await tokenRequest({
          grant_type: 'refresh_token',
          refresh_token: this.refreshToken,
          client_id: this.clientId,
        }));
        return;
      } catch (refused) {
        this.refreshToken = null;
      }
    }
    await goToSignIn(this.clientId);
  }

  /**
   * Signs out of One Sign In everywhere (RP-initiated logout) and comes back here. Posted,
   * so that the ID token (it names the person) is in no address and no access log.
   */
  signOut() {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/connect/logout';
    form.hidden = true;
    const fields = {
      id_token_hint: this.idToken,
      client_id: this.clientId,
      post_logout_redirect_uri: pageAddress(),
      state: SIGNED_OUT,
    };
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }
}

/**
 * The page's session: completes a sign-in the sign-in server sent back here, or goes to
 * the sign-in page. Resolves to null after a sign-out, so the page can say so.
 */
export async function signIn(clientId) {
  const answer = new URLSearchParams(location.search);
  if (answer.get('state') === SIGNED_OUT && !answer.has('code')) {
    history.replaceState(null, '', location.pathname);
    return null;
  }
  if (!answer.has('code') && !answer.has('error')) {
    return goToSignIn(clientId);
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + (pending?.returnTo ?? ''));
  // the answer must be to this page's own request (CSRF on the redirect)
  if (!pending || pending.state !== answer.get('state')) {
    throw new SignInError('This sign-in was not started here: sign in again.');
  }
  if (answer.has('error')) {
    throw new SignInError('The sign-in did not complete: sign in again.');
  }
  const tokens = await tokenRequest({
    grant_type: 'authorization_code',
    code: answer.get('code'),
    redirect_uri: pageAddress(),
    client_id: clientId,
    code_verifier: pending.verifier,
  });
  return new Session(clientId, tokens);
}

export function signInAgain(clientId) {
  return goToSignIn(clientId);
}
