// The funcX dashboard: signs in with the OAuth 2 authorization code flow and PKCE (RFC 7636,
// S256), then shows what the /v2 API shows this user. The session is the access token, kept in
// this tab's sessionStorage (not a cookie: no request carries it unasked; gone with the tab).
// Every value from the API is written with textContent, never parsed as HTML.
'use strict';

const login = JSON.parse(document.getElementById('funcx-login').textContent);
const SESSION = 'funcx.dashboard.session';
const PENDING = 'funcx.dashboard.pending';
const REFRESH_MS = 5000;
// The API beside this page, also when the service's public URL has a path.
const api = new URL('v2/', login.redirect_uri).href;
let refreshTimer = null;

const $ = (id) => document.getElementById(id);

function say(text) {
  $('message').textContent = text || '';
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function showSignIn(message) {
  if (refreshTimer) clearTimeout(refreshTimer);
  sessionStorage.removeItem(SESSION);
  $('dashboard-view').hidden = true;
  $('sign-in-view').hidden = false;
  $('signed-in-as').textContent = '';
  say(message);
}

async function signIn() {
  if (!login.authorization_endpoint) {
    say('The identity provider of this service has no authorization endpoint: the dashboard cannot sign in.');
    return;
  }
  if (!window.crypto || !crypto.subtle) {
    say('This browser cannot sign in here: PKCE needs a secure context (https, or http on localhost).');
    return;
  }
  const verifier = randomString();
  const state = randomString();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state}));
  const url = new URL(login.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', login.client_id);
  url.searchParams.set('redirect_uri', login.redirect_uri);
  url.searchParams.set('code_challenge', base64url(digest));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (login.scope) url.searchParams.set('scope', login.scope);
  location.assign(url.href);
}

/** The redirect back from the sign-in page: exchange the code for a session, or say why not. */
async function finishSignIn(params) {
  history.replaceState(null, '', location.pathname);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (params.has('error')) {
    showSignIn('Sign-in failed: ' + params.get('error') + ': ' + (params.get('error_description') || ''));
    return false;
  }
  if (!pending || pending.state !== params.get('state')) {
    showSignIn('Sign-in failed: this answer does not belong to a sign-in started in this tab. Sign in again.');
    return false;
  }
  const form = new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'),
    redirect_uri: login.redirect_uri, client_id: login.client_id, code_verifier: pending.verifier});
  const response = await fetch(login.token_endpoint, {method: 'POST', body: form});
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    showSignIn('Sign-in failed: ' + (body.error || response.status) + ': ' + (body.error_description || ''));
    return false;
  }
  sessionStorage.setItem(SESSION, JSON.stringify({token: body.access_token,
    expiresAt: Date.now() + 1000 * (body.expires_in || login.session_seconds)}));
  return true;
}

class SessionExpired extends Error {}

async function get(path, asText) {
  const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!session) throw new SessionExpired('You are not signed in.');
  const response = await fetch(api + path, {headers: {Authorization: 'Bearer ' + session.token}});
  if (response.status === 401) {
    const body = await response.json().catch(() => ({}));
    throw new SessionExpired('Your session has expired or is no longer valid ('
      + (body.message || 'HTTP 401') + '). Sign in again.');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(path + ': ' + (body.message || ('HTTP ' + response.status)));
  }
  return asText ? response.text() : response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (className) td.className = className;
  return td;
}

function fill(tableId, items, render) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren();
  for (const item of items) render(body.insertRow(), item);
  if (items.length === 0) {
    const row = body.insertRow();
    const td = cell(row, 'none', 'muted empty');
    td.colSpan = $(tableId).tHead.rows[0].cells.length;
  }
}

function states(map) {
  return Object.keys(map).sort().map((k) => k + ': ' + map[k]).join(', ');
}

function utc(millis) {
  return millis ? new Date(millis).toISOString().replace('T', ' ').replace(/\..*/, '') : '';
}

function chart(id, svgText) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('a chart is not SVG');
  $(id).replaceChildren(document.importNode(svg, true));
}

async function load() {
  try {
    const [who, endpoints, activity, tasksChart, failuresChart] = await Promise.all([
      get('whoami'), get('endpoints'), get('activity'),
      get('activity/charts/tasks_per_second.svg', true),
      get('activity/charts/failures_by_kind.svg', true)]);
    $('sign-in-view').hidden = true;
    $('dashboard-view').hidden = false;
    say('');
    $('signed-in-as').textContent = 'signed in as ' + (who.username || who.subject || '');
    fill('endpoints', endpoints.endpoints, (row, e) => {
      row.dataset.endpointId = e.endpoint_id;
      cell(row, e.name, 'name');
      cell(row, e.endpoint_id, 'id');
      cell(row, e.status, 'status');
      cell(row, e.managers, 'num managers');
      cell(row, e.workers, 'num workers');
      cell(row, e.workers - e.idle_workers, 'num busy');
      cell(row, e.idle_workers, 'num idle');
      cell(row, e.outstanding_tasks, 'num outstanding');
      cell(row, e.problem, 'problem');
    });
    const blocks = endpoints.endpoints.flatMap(
        (e) => (e.blocks || []).map((b) => ({endpoint: e.name, ...b})));
    fill('blocks', blocks, (row, b) => {
      row.dataset.blockId = b.block_id;
      cell(row, b.endpoint, 'endpoint');
      cell(row, b.block_id, 'id');
      cell(row, b.resource_id, 'resource');
      cell(row, b.state, 'state');
      cell(row, b.detail, 'detail');
      cell(row, utc(b.since), 'since');
    });
    $('finished-last-hour').textContent = activity.finished_last_hour;
    $('failed-last-hour').textContent =
        Object.values(activity.failures_by_kind).reduce((a, b) => a + b, 0);
    $('truncated').textContent = activity.truncated
        ? '(from the newest ' + activity.tasks_read_limit + ' tasks only)' : '';
    chart('chart-tasks', tasksChart);
    chart('chart-failures', failuresChart);
    fill('groups', activity.task_groups, (row, g) => {
      row.dataset.groupId = g.task_group_id;
      cell(row, g.task_group_id, 'id');
      cell(row, utc(g.submitted_at), 'submitted');
      cell(row, g.task_count, 'num task-count');
      cell(row, states(g.states), 'states');
    });
    fill('tasks', activity.tasks, (row, t) => {
      row.dataset.taskId = t.task_id;
      cell(row, t.task_id, 'id');
      cell(row, t.status, 'state');
      cell(row, t.endpoint_id, 'endpoint');
      const result = t.result !== undefined ? JSON.stringify(t.result)
          : t.result_format ? t.result_format + ', ' + t.result_size + ' bytes' : '';
      cell(row, '', 'result').appendChild(document.createElement('pre')).textContent = result;
      cell(row, t.error ? t.error.kind + ': ' + t.error.message : '', 'error');
      cell(row, '', 'output').appendChild(document.createElement('pre')).textContent =
          (t.stdout || '') + (t.stderr || '');
    });
    $('updated-at').textContent = 'updated ' + utc(Date.now()) + ' UTC';
    $('dashboard-view').dataset.loads = String(Number($('dashboard-view').dataset.loads || 0) + 1);
    refreshTimer = setTimeout(load, REFRESH_MS);
  } catch (e) {
    if (e instanceof SessionExpired) {
      showSignIn(e.message);
    } else {
      say('Could not update: ' + e.message);
      refreshTimer = setTimeout(load, REFRESH_MS);
    }
  }
}

async function start() {
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', () => showSignIn('Signed out.'));
  $('refresh').addEventListener('click', () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    load();
  });
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    if (!(await finishSignIn(params))) return;
  }
  if (!sessionStorage.getItem(SESSION)) {
    showSignIn('');
    return;
  }
  load();
}

start();
