// The demo's own Core Web Vitals, in a small fixed panel: what a reader of this page really got (largest
// paint, responsiveness, layout shift). Loaded after the page's `load`, so it is never part of what the page
// downloads before play; fixed-position, so appearing and updating shifts nothing. Text only (no markup
// strings): the page runs under a strict CSP with Trusted Types.
import { onCLS, onINP, onLCP, type Metric } from 'web-vitals';

const LABELS: Record<string, string> = { LCP: 'Largest paint', INP: 'Responsiveness', CLS: 'Layout shift' };

function format(metric: Metric): string {
  return metric.name === 'CLS' ? metric.value.toFixed(3) : `${Math.round(metric.value)} ms`;
}

export function showVitals(): void {
  const panel = document.createElement('aside');
  panel.className = 'vitals';
  panel.setAttribute('aria-label', 'Core Web Vitals of this page');
  const list = document.createElement('dl');
  const values = new Map<string, HTMLElement>();
  for (const [name, label] of Object.entries(LABELS)) {
    const term = document.createElement('dt');
    term.textContent = name;
    term.title = label;
    const value = document.createElement('dd');
    value.textContent = '…';
    value.dataset['rating'] = 'good';
    values.set(name, value);
    list.append(term, value);
  }
  panel.append(list);
  document.body.append(panel);
  const show = (metric: Metric) => {
    const value = values.get(metric.name);
    if (!value) return;
    value.textContent = format(metric);
    value.dataset['rating'] = metric.rating;
    value.title = metric.rating.replace('-', ' ');
  };
  // Every change, not only the final value on leaving the page: the panel is for watching.
  onLCP(show, { reportAllChanges: true });
  onINP(show, { reportAllChanges: true });
  onCLS(show, { reportAllChanges: true });
}
