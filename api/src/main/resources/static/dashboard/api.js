// GraphQL over HTTP against this api, with the errors a user can act on told apart:
// rate limited (and until when), signed out, unavailable.
import * as auth from './auth.js';

/** A refusal or failure the page shows in the panel that asked. */
export class ApiError extends Error {
  /**
   * @param kind 'rate-limited' | 'signed-out' | 'unavailable' | 'failed'
   * @param retryAt for 'rate-limited' and 'unavailable': when trying again may work (a Date)
   */
  constructor(kind, message, retryAt) {
    super(message);
    this.kind = kind;
    this.retryAt = retryAt || null;
  }
}

/** Runs a query with the signed-in user's token; resolves to its data, else throws ApiError. */
export async function query(document, variables) {
  const token = auth.token();
  if (!token) {
    throw new ApiError('signed-out', 'Signed out.');
  }
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        Authorization: 'Bearer ' + token,
      },
      body: JSON.stringify({ query: document, variables }),
    });
  } catch (network) {
    throw new ApiError('unavailable', 'The service cannot be reached.', new Date(Date.now() + 5000));
  }
  const body = await response.json().catch(() => null);
  if (response.status === 401) {
    auth.expired();
    throw new ApiError('signed-out', 'Your session ended.');
  }
  const error = body && body.errors && body.errors[0];
  const code = error && error.extensions && error.extensions.code;
  if (response.status === 429 || code === 'RATE_LIMITED') {
    throw new ApiError('rate-limited', 'Rate limited: this dashboard asked for more than your plan allows.',
      retryTime(response, error));
  }
  if (response.status >= 500 || code === 'UNAVAILABLE' || code === 'OVERLOADED') {
    throw new ApiError('unavailable', 'The service is unavailable' + (code ? ' (' + code + ')' : '') + '.',
      retryTime(response, error) || new Date(Date.now() + 5000));
  }
  if (!body || (error && !body.data)) {
    throw new ApiError('failed', (error && error.message) || 'Unexpected answer: HTTP ' + response.status);
  }
  return body.data;
}

/** The retry time of a refusal: extensions.retryAfterMs, else the Retry-After header. */
export function retryTime(response, error) {
  const millis = error && error.extensions && Number(error.extensions.retryAfterMs);
  if (millis > 0) {
    return new Date(Date.now() + millis);
  }
  const header = response && Number(response.headers.get('Retry-After'));
  return header > 0 ? new Date(Date.now() + header * 1000) : null;
}
