// Rendering of results. Every piece of text (the rewritten text, server messages) is inserted
// with textContent or text nodes, never as HTML.

const KIND_TITLES = {
  kept: 'kept: came back unchanged',
  replaced: 'replaced by the mechanism',
  oov: 'out of vocabulary: perturbed from the unknown-word point',
  unprotected: 'unprotected: copied through with no guarantee',
  entity: 'identifier: placeholder or surrogate',
};

/**
 * @param {string} tag element name
 * @param {string} [className] class attribute
 * @param {string} [text] text content
 * @return {HTMLElement}
 */
export function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/**
 * The rewritten text with each word in a span whose class says what happened to it.
 * @param {string} text the rewritten text
 * @param {Array<{start: number, end: number, kind: string}>} marks word marks, in text order
 * @return {HTMLElement} a paragraph
 */
export function markedOutput(text, marks) {
  const p = element('p', 'output');
  let at = 0;
  for (const m of marks || []) {
    if (m.start < at || m.end > text.length) {
      continue;
    }
    if (m.start > at) {
      p.appendChild(document.createTextNode(text.substring(at, m.start)));
    }
    const kind = Object.prototype.hasOwnProperty.call(KIND_TITLES, m.kind) ? m.kind : 'unprotected';
    const span = element('span', 'word ' + kind, text.substring(m.start, m.end));
    span.title = KIND_TITLES[kind];
    p.appendChild(span);
    at = m.end;
  }
  if (at < text.length) {
    p.appendChild(document.createTextNode(text.substring(at)));
  }
  return p;
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

function number(x) {
  return Number(x).toLocaleString('en', { maximumSignificantDigits: 6 });
}

/**
 * The privacy report of one record in words.
 * @param {object} report the API's report object
 * @param {string} metric the mechanism's metric, from GET /v1/mechanisms
 * @return {string} sentences separated by '; '
 */
export function reportInWords(report, metric) {
  const parts = [];
  const unprotected = report.unprotected_words || 0;
  if (report.words_perturbed > 0) {
    parts.push('each of ' + plural(report.words_perturbed, 'word', 'words') + ' is protected at epsilon '
      + number(report.epsilon_per_word) + (metric ? ' (' + metric + ')' : ''));
  } else {
    parts.push('no word was perturbed');
  }
  if (report.target_nw !== undefined) {
    parts.push('epsilon calibrated for a target N_w of ' + number(report.target_nw));
  }
  if (report.oov_words > 0) {
    parts.push(report.oov_policy === 'keep'
      ? plural(report.oov_words, 'word', 'words') + ' out of vocabulary copied through unprotected'
      : plural(report.oov_words, 'word', 'words') + ' out of vocabulary perturbed from the UNK point');
  }
  if (unprotected > 0) {
    parts.push(plural(unprotected, 'word has', 'words have') + ' no guarantee');
  }
  parts.push(report.casing === 'released' ? 'input casing released unprotected' : 'casing not released');
  const kinds = Object.keys(report.entities || {});
  if (kinds.length > 0) {
    parts.push('identifiers ' + (report.entity_treatment === 'surrogate' ? 'replaced by surrogates: ' : 'replaced by placeholders: ')
      + kinds.map((k) => k + ' ' + report.entities[k]).join(', '));
  } else if (report.entity_treatment === 'off') {
    parts.push('identifier detection off');
  }
  if (report.seeded) {
    parts.push('seeded: reproducible, and not private against whoever knows the seed');
  }
  parts.push('charged epsilon ' + number(report.total_epsilon));
  return parts.join('; ');
}

/**
 * @param {{tenant: string, budget: number, spent: number, remaining: number}} budget GET /v1/budget
 * @return {string} the running budget in words
 */
export function budgetInWords(budget) {
  return 'Budget of tenant ' + budget.tenant + ': epsilon ' + number(budget.spent) + ' spent of '
    + number(budget.budget) + ', ' + number(budget.remaining) + ' remaining.';
}
