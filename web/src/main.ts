// Entry point: the page chrome (skip link, navigation, language toggle) and the routes.
import { h } from './dom.ts';
import { lang, setLang, t } from './i18n.ts';
import { entityPage } from './pages/entityPage.ts';
import { projectsPage } from './pages/projectsPage.ts';
import { searchPage } from './pages/searchPage.ts';
import { exact, prefix, Router, type View } from './router.ts';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('site-nav') as HTMLElement;
const brand = document.getElementById('brand') as HTMLAnchorElement;
const skip = document.getElementById('skip-link') as HTMLAnchorElement;
const toggle = document.getElementById('lang-toggle') as HTMLButtonElement;

const notFound = (m: HTMLElement): View => {
  const render = () => m.replaceChildren(h('h1', {}, t('errorNotFound', { id: location.pathname })));
  render();
  return { render, destroy() {} };
};

const router = new Router(
  main,
  [
    { match: exact('/'), view: () => searchPage((p) => router.navigate(p)) },
    { match: exact('/search'), view: () => searchPage((p) => router.navigate(p)) },
    { match: exact('/projects'), view: () => projectsPage() },
    { match: prefix('/entity/', 'id'), view: ({ id }) => entityPage(id ?? '', (p) => router.navigate(p)) },
  ],
  notFound,
  () => renderChrome(),
);

function renderChrome(): void {
  document.documentElement.lang = lang();
  brand.textContent = t('appTitle');
  skip.textContent = t('skipLink');
  nav.setAttribute('aria-label', t('navMain'));
  const here = location.pathname;
  const link = (href: string, text: string, active: boolean) =>
    h('a', { href, 'data-link': true, 'aria-current': active ? 'page' : null }, text);
  nav.replaceChildren(
    link('/', t('navSearch'), here === '/' || here === '/search'),
    link('/projects', t('navProjects'), here === '/projects'),
  );
  toggle.textContent = t('langToggle');
  toggle.setAttribute('aria-label', t('langToggleLabel'));
  toggle.lang = lang() === 'ja' ? 'en' : 'ja';
}

toggle.addEventListener('click', () => setLang(lang() === 'ja' ? 'en' : 'ja'));
window.addEventListener('langchange', () => {
  renderChrome();
  router.rerender();
});
// the skip link moves focus, not just the scroll position
skip.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});

router.show(false);
