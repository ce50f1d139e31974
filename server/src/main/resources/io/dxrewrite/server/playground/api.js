// Calls to the dx-rewrite API from the page: same origin only, the API key (if any) from
// sessionStorage as a bearer header. Nothing is kept beyond the tab: no persistent storage, no cookie.

const KEY = 'dx-rewrite-api-key';

/** @return {string} the API key of this tab, or '' */
export function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

/** @param {string} key the API key to keep for this tab ('' forgets it) */
export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

/**
 * One API call.
 * @param {string} method GET or POST
 * @param {string} path a same-origin path
 * @param {object} [body] a JSON body
 * @return {Promise<{status: number, ok: boolean, body: any, retryAfter: number}>}
 */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const key = apiKey();
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    return { status: 0, ok: false, body: { error: { code: 'network', message: 'the server cannot be reached' } }, retryAfter: 0 };
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = { error: { code: 'bad_response', message: 'the server answered ' + response.status + ' without JSON' } };
  }
  const retry = Number(response.headers.get('Retry-After'));
  return { status: response.status, ok: response.ok, body: json, retryAfter: Number.isFinite(retry) ? retry : 0 };
}

/**
 * @param {{status: number, body: any}} result a failed call
 * @return {string} a one-line description: status, error code and the server's message
 */
export function describeError(result) {
  const error = result.body && result.body.error ? result.body.error : {};
  const code = error.code || 'error';
  const message = error.message || '';
  return (result.status ? result.status + ' ' : '') + code + (message ? ': ' + message : '');
}
