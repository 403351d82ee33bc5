// GraphiQL against this api. The bearer token typed in the field above the editor is sent with
// every request (headers from GraphiQL's own header editor are sent too, and win). It lives in
// this page's memory only: nothing stores it, so a reload asks for it again.
(function () {
  'use strict';

  const endpoint = new URL('/graphql', window.location.href).toString();
  let token = '';

  function fetcher(graphQLParams, options) {
    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    Object.assign(headers, (options && options.headers) || {});
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(graphQLParams) })
      .then(function (response) {
        return response.text().then(function (text) {
          try {
            return JSON.parse(text);
          } catch (notJson) {
            return { errors: [{ message: 'HTTP ' + response.status + ': ' + text }] };
          }
        });
      });
  }

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));

  function render() {
    // A new key per token: GraphiQL starts afresh and fetches the schema with the new token;
    // without a token it does not try (schema: null), since the api would answer 401.
    root.render(React.createElement(GraphiQL, {
      key: token,
      fetcher: fetcher,
      schema: token ? undefined : null,
      defaultQuery: '# Paste a token above, then run a query, e.g.\n'
        + '{\n  programSummary(programId: "onboarding") {\n    totalEvents\n    activeReps\n  }\n}\n',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }));
  }

  document.getElementById('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    token = document.getElementById('token').value.trim().replace(/^Bearer\s+/i, '');
    document.getElementById('token-status').textContent = token ? 'token in use' : 'no token';
    render();
  });

  render();
})();
