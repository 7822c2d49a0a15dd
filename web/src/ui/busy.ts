// Progress for slow answers: aria-busy and a spinner appear only if the answer takes longer than DEFAULT_BUSY_DELAY_MS,
// so fast answers do not flicker.
import { h } from '../dom.ts';
import { t } from '../i18n.ts';

export const DEFAULT_BUSY_DELAY_MS = 200;

export function trackBusy<T>(region: HTMLElement, work: Promise<T>, delayMs = DEFAULT_BUSY_DELAY_MS): Promise<T> {
  const spinner = h('div', { class: 'spinner', role: 'status' }, h('span', { class: 'spinner-dot', 'aria-hidden': 'true' }), t('loading'));
  const timer = setTimeout(() => {
    region.setAttribute('aria-busy', 'true');
    region.prepend(spinner);
  }, delayMs);
  const done = () => {
    clearTimeout(timer);
    region.removeAttribute('aria-busy');
    spinner.remove();
  };
  work.then(done, done);
  return work;
}
