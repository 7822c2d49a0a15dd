// API failures are shown where the content would have been, with an optional retry, never as a blank screen.
import { ApiError } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';

export function errorMessage(err: unknown, retry?: () => void): HTMLElement {
  const text = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  const code = err instanceof ApiError && err.code ? ` (${err.code})` : '';
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', {}, `${t('errorPrefix')}: `),
    text + code,
    retry ? h('button', { type: 'button', class: 'link-button', onclick: () => retry() }, t('retry')) : null,
  );
}
