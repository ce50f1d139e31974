// A small SVG chart of median N_w against epsilon (log scale), built with DOM calls only.

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 360;
const HEIGHT = 220;
const LEFT = 40;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;

function svg(tag, attributes, text) {
  const e = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    e.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/**
 * Draws the curve into a container, replacing what it held.
 * @param {HTMLElement} container the chart's element
 * @param {{mechanism: string, points: Array<{epsilon: number, median_nw: number}>}} curve
 * @param {number} [current] the epsilon in use, marked with a vertical line when in range
 */
export function drawCurve(container, curve, current) {
  const points = curve.points;
  const minE = Math.log10(points[0].epsilon);
  const maxE = Math.log10(points[points.length - 1].epsilon);
  const x = (e) => LEFT + ((Math.log10(e) - minE) / (maxE - minE)) * (WIDTH - LEFT - RIGHT);
  const y = (v) => TOP + (1 - v) * (HEIGHT - TOP - BOTTOM);
  const root = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img',
    'aria-label': 'median N_w of ' + curve.mechanism + ' against epsilon' });
  root.appendChild(svg('title', {}, 'Median N_w of ' + curve.mechanism + ' against epsilon per word'));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    root.appendChild(svg('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(v), y2: y(v) }));
    root.appendChild(svg('text', { x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  for (const p of points) {
    if ([0.5, 1, 2, 5, 10, 20, 50].includes(p.epsilon)) {
      root.appendChild(svg('text', { x: x(p.epsilon), y: HEIGHT - BOTTOM + 14, 'text-anchor': 'middle' }, String(p.epsilon)));
    }
  }
  root.appendChild(svg('line', { class: 'axis', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0) }));
  root.appendChild(svg('line', { class: 'axis', x1: LEFT, x2: LEFT, y1: y(0), y2: y(1) }));
  root.appendChild(svg('text', { x: (LEFT + WIDTH - RIGHT) / 2, y: HEIGHT - 4, 'text-anchor': 'middle' }, 'epsilon per word (log scale)'));
  root.appendChild(svg('polyline', { class: 'curve',
    points: points.map((p) => x(p.epsilon).toFixed(1) + ',' + y(p.median_nw).toFixed(1)).join(' ') }));
  for (const p of points) {
    const dot = svg('circle', { class: 'point', cx: x(p.epsilon), cy: y(p.median_nw), r: 3 });
    dot.appendChild(svg('title', {}, 'epsilon ' + p.epsilon + ': median N_w ' + p.median_nw));
    root.appendChild(dot);
  }
  if (current !== undefined && current >= points[0].epsilon && current <= points[points.length - 1].epsilon) {
    root.appendChild(svg('line', { class: 'current', x1: x(current), x2: x(current), y1: y(0), y2: y(1) }));
  }
  container.replaceChildren(root);
}
