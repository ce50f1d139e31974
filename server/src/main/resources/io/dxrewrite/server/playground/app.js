// The playground page: builds its controls from GET /v1/mechanisms, rewrites the text at up to
// three settings side by side (POST /v1/rewrite with marks), shows each report in words, the
// tenant budget (GET /v1/budget) and the median N_w curve (GET /v1/nw-curve).

import { apiKey, call, describeError, setApiKey } from './api.js';
import { drawCurve } from './chart.js';
import { budgetInWords, element, markedOutput, reportInWords } from './render.js';

const DEFAULTS = { epsilon: [3, 10, 30], target_nw: [0.3, 0.5, 0.8] };
const CONTROL_LABELS = { epsilon: 'epsilon per word', target_nw: 'target N_w' };
// Parameters the page sets itself (epsilon, target_nw) or never offers (a seed makes output
// reproducible by whoever knows it, and servers refuse it by default).
const NOT_OFFERED = new Set(['epsilon', 'target_nw', 'seed']);
const MAX_RETRIES = 60;

const $ = (id) => document.getElementById(id);
let mechanisms = [];
let chartFor = '';
let lastCurve = null;

function status(id, text, isError) {
  const e = $(id);
  e.textContent = text;
  e.classList.toggle('error', Boolean(isError));
}

function sleep(seconds) {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

function control() {
  return $('control-nw').checked ? 'target_nw' : 'epsilon';
}

function mechanism(name) {
  return mechanisms.find((m) => m.name === name);
}

function setEnabled(enabled) {
  for (const e of $('controls').querySelectorAll('input, select, textarea, button')) {
    e.disabled = !enabled;
  }
}

function option(select, value, text) {
  const o = element('option', undefined, text);
  o.value = value;
  select.appendChild(o);
}

/** The mechanism's own parameters and options, from the catalog. */
function buildParameters() {
  const m = mechanism($('mechanism').value);
  $('mechanism-description').textContent = m ? (m.description || '') : '';
  const box = $('parameters');
  box.replaceChildren();
  if (!m) {
    return;
  }
  for (const p of m.parameters) {
    if (NOT_OFFERED.has(p.name)) {
      continue;
    }
    const id = 'parameter-' + p.name;
    const row = element('div', 'row');
    const label = element('label', undefined, p.name);
    label.htmlFor = id;
    row.appendChild(label);
    let input;
    if (Array.isArray(p.allowed)) {
      input = element('select');
      for (const v of p.allowed) {
        option(input, v, v);
      }
      if (p.default !== undefined) {
        input.value = String(p.default);
      }
    } else {
      input = element('input');
      input.type = 'number';
      input.step = 'any';
      const min = p.minimum !== undefined ? p.minimum : p.exclusive_minimum;
      const max = p.maximum !== undefined ? p.maximum : p.exclusive_maximum;
      if (min !== undefined) {
        input.min = String(min);
      }
      if (max !== undefined) {
        input.max = String(max);
      }
      if (p.default !== undefined) {
        input.value = String(p.default);
      }
    }
    input.id = id;
    input.dataset.parameter = p.name;
    input.dataset.type = Array.isArray(p.allowed) ? 'string' : 'number';
    row.appendChild(input);
    box.appendChild(row);
    if (p.description) {
      box.appendChild(element('p', 'hint', p.description));
    }
  }
}

/** One column per setting: its mechanism and its epsilon or target N_w. */
function buildSettings() {
  const n = Number($('columns').value);
  const box = $('settings');
  const kind = control();
  box.replaceChildren();
  for (let i = 1; i <= n; i++) {
    const div = element('div', 'setting');
    div.appendChild(element('h3', undefined, 'Setting ' + i));
    const mLabel = element('label', undefined, 'Mechanism of setting ' + i);
    mLabel.htmlFor = 'setting-mechanism-' + i;
    const select = element('select');
    select.id = 'setting-mechanism-' + i;
    for (const m of mechanisms) {
      option(select, m.name, m.name);
    }
    select.value = $('mechanism').value;
    const vLabel = element('label', undefined, CONTROL_LABELS[kind] + ' of setting ' + i);
    vLabel.htmlFor = 'setting-value-' + i;
    const input = element('input');
    input.type = 'number';
    input.step = 'any';
    input.min = '0';
    if (kind === 'target_nw') {
      input.max = '1';
    }
    input.id = 'setting-value-' + i;
    input.value = String(DEFAULTS[kind][i - 1]);
    div.append(mLabel, select, vLabel, input);
    box.appendChild(div);
  }
}

/** The request body of one setting, or a message naming what is wrong. */
function requestFor(i, text) {
  const name = $('setting-mechanism-' + i).value;
  const kind = control();
  const raw = $('setting-value-' + i).value.trim();
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value <= 0 || (kind === 'target_nw' && value >= 1)) {
    return { error: 'setting ' + i + ': ' + CONTROL_LABELS[kind]
      + (kind === 'target_nw' ? ' must be a number in (0, 1)' : ' must be a number above 0') };
  }
  const body = { text, mechanism: name, marks: true };
  body[kind] = value;
  for (const input of $('parameters').querySelectorAll('[data-parameter]')) {
    const p = input.dataset.parameter;
    const own = mechanism(name).parameters.some((q) => q.name === p);
    if (!own || input.value.trim() === '') {
      continue;
    }
    // the shared inputs hold the main mechanism's values; another mechanism gets its defaults
    const isMain = name === $('mechanism').value;
    if (input.dataset.type === 'number') {
      if (!isMain) {
        continue;
      }
      const v = Number(input.value);
      if (!Number.isFinite(v)) {
        return { error: p + ' must be a number' };
      }
      body[p] = v;
    } else {
      body[p] = input.value;
    }
  }
  return { body };
}

async function rewriteOne(i, body, box) {
  for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
    const result = await call('POST', '/v1/rewrite', body);
    if (result.ok) {
      const r = result.body.results[0];
      const m = mechanism(body.mechanism);
      box.replaceChildren(
        element('h3', undefined, body.mechanism + ', ' + (body.epsilon !== undefined
          ? 'epsilon ' + body.epsilon : 'target N_w ' + body.target_nw + ' (epsilon '
            + Number(r.report.epsilon_per_word).toPrecision(3) + ')')),
        markedOutput(r.text, r.marks),
        element('p', 'report', reportInWords(r.report, m ? m.metric : '')));
      return;
    }
    if (result.status === 503 && result.body.error && result.body.error.code === 'calibrating') {
      box.replaceChildren(element('p', 'status', 'calibrating epsilon for target N_w '
        + body.target_nw + '; retrying in ' + (result.retryAfter || 5) + ' s'));
      await sleep(result.retryAfter || 5);
      continue;
    }
    box.replaceChildren(element('p', 'error', 'Setting ' + i + ' failed: ' + describeError(result)));
    return;
  }
  box.replaceChildren(element('p', 'error', 'Setting ' + i + ': calibration did not finish; try again later'));
}

async function rewrite(event) {
  event.preventDefault();
  const text = $('text').value;
  if (text.trim() === '') {
    status('form-status', 'Enter some text to rewrite.', true);
    return;
  }
  const n = Number($('columns').value);
  const bodies = [];
  for (let i = 1; i <= n; i++) {
    const r = requestFor(i, text);
    if (r.error) {
      status('form-status', r.error, true);
      return;
    }
    bodies.push(r.body);
  }
  status('form-status', 'Rewriting…', false);
  $('rewrite').disabled = true;
  const results = $('results');
  results.replaceChildren();
  const boxes = bodies.map((b, k) => {
    const box = element('div', 'result');
    box.id = 'result-' + (k + 1);
    results.appendChild(box);
    return box;
  });
  try {
    for (let k = 0; k < bodies.length; k++) {
      await rewriteOne(k + 1, bodies[k], boxes[k]);
    }
    status('form-status', 'Done.', false);
  } finally {
    $('rewrite').disabled = false;
    await loadBudget();
    redrawChart();
  }
}

async function loadBudget() {
  const result = await call('GET', '/v1/budget');
  if (result.ok) {
    status('budget', budgetInWords(result.body), false);
  } else {
    status('budget', 'Budget unavailable: ' + describeError(result), true);
  }
}

function currentEpsilon() {
  if (control() !== 'epsilon' || !$('setting-value-1')) {
    return undefined;
  }
  const v = Number($('setting-value-1').value);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

function redrawChart() {
  if (lastCurve && lastCurve.mechanism === chartFor) {
    drawCurve($('chart'), lastCurve, currentEpsilon());
  }
}

async function loadChart() {
  const name = $('mechanism').value;
  chartFor = name;
  lastCurve = null;
  $('chart').replaceChildren();
  for (let attempt = 0; attempt < MAX_RETRIES && chartFor === name; attempt++) {
    const result = await call('GET', '/v1/nw-curve?mechanism=' + encodeURIComponent(name));
    if (chartFor !== name) {
      return;
    }
    if (result.ok) {
      lastCurve = result.body;
      status('chart-status', 'Median N_w of ' + name + ' over ' + result.body.words
        + ' vocabulary words, ' + result.body.trials + ' runs each.', false);
      redrawChart();
      return;
    }
    if (result.status === 503) {
      status('chart-status', 'calibrating: the N_w curve of ' + name + ' is being computed…', false);
      await sleep(result.retryAfter || 3);
      continue;
    }
    status('chart-status', 'Chart unavailable: ' + describeError(result), true);
    return;
  }
}

async function start() {
  const result = await call('GET', '/v1/mechanisms');
  if (!result.ok) {
    setEnabled(false);
    if (result.status === 401) {
      status('auth-status', 'This API key was not accepted (' + describeError(result) + ').', true);
    } else {
      status('form-status', 'Cannot load the mechanisms: ' + describeError(result), true);
    }
    return false;
  }
  mechanisms = result.body.mechanisms;
  const select = $('mechanism');
  const previous = select.value;
  select.replaceChildren();
  for (const m of mechanisms) {
    option(select, m.name, m.name);
  }
  if (previous && mechanism(previous)) {
    select.value = previous;
  }
  setEnabled(true);
  buildParameters();
  buildSettings();
  await loadBudget();
  loadChart();
  return true;
}

async function useKey() {
  const key = $('api-key').value.trim();
  $('api-key').value = '';
  if (key === '') {
    status('auth-status', 'Enter an API key.', true);
    return;
  }
  setApiKey(key);
  const check = await call('GET', '/v1/budget');
  if (check.status === 401) {
    setEnabled(false);
    status('auth-status', 'This API key was not accepted (' + describeError(check) + ').', true);
    return;
  }
  status('auth-status', 'Key accepted; kept for this tab only.', false);
  await start();
}

async function init() {
  $('controls').addEventListener('submit', rewrite);
  $('mechanism').addEventListener('change', () => {
    buildParameters();
    buildSettings();
    loadChart();
  });
  $('columns').addEventListener('change', buildSettings);
  $('control-epsilon').addEventListener('change', () => { buildSettings(); redrawChart(); });
  $('control-nw').addEventListener('change', () => { buildSettings(); redrawChart(); });
  $('settings').addEventListener('input', redrawChart);
  $('use-key').addEventListener('click', useKey);
  $('api-key').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      useKey();
    }
  });
  $('forget-key').addEventListener('click', () => {
    setApiKey('');
    setEnabled(false);
    status('auth-status', 'Key forgotten.', false);
  });

  const settings = await call('GET', '/playground/settings.json');
  if (settings.ok) {
    $('text').maxLength = settings.body.max_text_chars;
    $('text-limit').textContent = 'Up to ' + settings.body.max_text_chars.toLocaleString('en')
      + ' characters.';
    if (settings.body.auth) {
      $('auth').hidden = false;
      if (!apiKey()) {
        setEnabled(false);
        status('auth-status', 'Enter your API key to start.', false);
        return;
      }
    }
  }
  await start();
}

init();
