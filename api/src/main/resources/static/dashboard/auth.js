// Sign-in with OAuth2 authorization code + PKCE (RFC 7636) against the issuer the api trusts,
// as a public client (no secret). The access token lives in this module's memory only: nothing
// stores it, a reload signs in again (the issuer's own session makes that a quick redirect).
// Only the PKCE verifier and the state survive the round trip to the issuer, in sessionStorage.

const PENDING = 'rollcall.dashboard.signin';

let settings;
let endpoints;
let accessToken = null;
let claims = {};
let expiryTimer;
const expiredListeners = [];

/** Reads the page's settings and the issuer's endpoints (its discovery document). */
export async function init(config) {
  settings = config;
  const discovery = await fetch(new URL('/.well-known/oauth-authorization-server', config.issuer));
  if (!discovery.ok) {
    throw new Error('The sign-in service answered ' + discovery.status);
  }
  endpoints = await discovery.json();
}

/** The current access token, or null when signed out. */
export function token() {
  return accessToken;
}

/** What the token says about the user (tenant, role, teams), for display only. */
export function user() {
  return claims;
}

/** Called when the token has expired or was refused: the page signs in again. */
export function onExpired(listener) {
  expiredListeners.push(listener);
}

/** Sends the browser to the issuer's sign-in; it comes back to this page with a code. */
export async function signIn(programId) {
  const verifier = randomString(48);
  const state = randomString(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, programId }));
  const challenge = base64Url(new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const authorize = new URL(endpoints.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(authorize.toString());
}

/**
 * On the way back from the issuer (?code=&state=): exchanges the code for a token and cleans
 * the address. Returns the program the user was looking at before, or null when this load is
 * not a return from the issuer.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  const programId = pending && pending.programId;
  window.history.replaceState(null, '', programId ? '/?program=' + encodeURIComponent(programId) : '/');
  if (params.has('error')) {
    throw new Error('Sign-in refused: ' + (params.get('error_description') || params.get('error')));
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('Sign-in answer does not match this page: please sign in again');
  }
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error('Sign-in failed: ' + (body.error_description || body.error || 'HTTP ' + response.status));
  }
  accessToken = body.access_token;
  claims = decodeClaims(accessToken);
  scheduleExpiry(body.expires_in);
  return programId || '';
}

/** Forgets the token. */
export function signOut() {
  accessToken = null;
  claims = {};
  clearTimeout(expiryTimer);
}

/** The token was refused (expired, revoked): forget it and tell the page. */
export function expired() {
  signOut();
  expiredListeners.forEach((listener) => listener());
}

function scheduleExpiry(expiresInSeconds) {
  clearTimeout(expiryTimer);
  const seconds = Number(expiresInSeconds) || Number(claims.exp) - Date.now() / 1000;
  if (seconds > 0) {
    // A little early, so no request goes out with a token about to expire.
    expiryTimer = setTimeout(expired, Math.max(0, seconds - 30) * 1000);
  }
}

function redirectUri() {
  return window.location.origin + '/';
}

function decodeClaims(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch (notAJwt) {
    return {};
  }
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  let binary = '';
  bytes.forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
