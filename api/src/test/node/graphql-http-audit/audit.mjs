// Runs graphql-http's server audit against a Rollcall api and prints one JSON result per
// line. The audit sends no credentials of its own, so every request it makes goes through
// fetchFn, which adds the bearer token from AUDIT_TOKEN (the api refuses anonymous requests).
//
//   AUDIT_TOKEN=... node audit.mjs http://127.0.0.1:8080/graphql
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
const token = process.env.AUDIT_TOKEN;
if (!url || !token) {
  console.error('usage: AUDIT_TOKEN=<bearer token> node audit.mjs <graphql url>');
  process.exit(2);
}

function fetchWithToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

const results = await auditServer({ url, fetchFn: fetchWithToken });
for (const result of results) {
  const line = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    line.reason = result.reason;
    line.responseStatus = result.response?.status;
    try {
      line.responseBody = await result.response?.text();
    }
    catch {
      line.responseBody = '(already read by the audit)';
    }
  }
  console.log(JSON.stringify(line));
}
