// The sync-error chart: every paragraph and word change of one run, error (ms, positive: late) against
// the place in the article, the player beside the `timeupdate` baseline. A hand-written SVG, no dependency.
const WIDTH = 900;
const HEIGHT = 420;
const PAD = { left: 60, right: 20, top: 40, bottom: 50 };

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const fixed = (value) => Number(value.toFixed(1));

/** `series`: [{ name, colour, points: [{ at, error }], p95 }]; `duration`: seconds of audio. */
export function syncChart({ title, duration, series }) {
  const all = series.flatMap((line) => line.points.map((point) => point.error));
  const top = Math.max(20, ...all);
  const bottom = Math.min(0, ...all);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (seconds) => fixed(PAD.left + (seconds / duration) * plotWidth);
  const y = (ms) => fixed(PAD.top + ((top - ms) / (top - bottom)) * plotHeight);
  const parts = [];
  const step = niceStep((top - bottom) / 6);
  for (let tick = Math.ceil(bottom / step) * step; tick <= top; tick += step) {
    parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  for (let tick = 0; tick <= duration; tick += 60) {
    parts.push(`<text x="${x(tick)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle">${tick} s</text>`);
  }
  parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(20)}" y2="${y(20)}" stroke="#c00" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${WIDTH - PAD.right}" y="${y(20) - 4}" text-anchor="end" fill="#c00">budget: p95 ≤ 20 ms</text>`);
  series.forEach((line, index) => {
    for (const point of line.points) {
      parts.push(`<circle cx="${x(point.at)}" cy="${y(point.error)}" r="${point.kind === 'segment' ? 3 : 1.6}" fill="${line.colour}" fill-opacity="0.6"/>`);
    }
    const legendY = 18;
    const legendX = PAD.left + index * 360;
    parts.push(`<circle cx="${legendX}" cy="${legendY - 4}" r="5" fill="${line.colour}"/>`);
    parts.push(`<text x="${legendX + 10}" y="${legendY}">${escape(line.name)}: p95 ${line.p95.toFixed(1)} ms (${line.points.length} changes)</text>`);
  });
  parts.push(`<text x="${PAD.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(title)}</text>`);
  parts.push(`<text transform="translate(16 ${PAD.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">error, ms (late &gt; 0)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ` +
    `font-family="system-ui, sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>\n${parts.join('\n')}\n</svg>\n`;
}

/** 1, 2 or 5 × a power of ten, at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  return [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
}
