// History API routing: /, /entity/<id>, /projects. The server answers every path with index.html (SPA fallback),
// so these URLs can be shared and reloaded.

export interface View {
  /** Re-renders in place from the data already loaded (used when the language changes). */
  render(): void;
  destroy(): void;
}

export type ViewFactory = (main: HTMLElement, url: URL) => View;

export interface Route {
  match: (path: string) => Record<string, string> | null;
  view: (params: Record<string, string>) => ViewFactory;
}

export function exact(path: string) {
  return (p: string) => (p === path ? {} : null);
}

export function prefix(path: string, param: string) {
  return (p: string) => (p.startsWith(path) && p.length > path.length ? { [param]: decodeURIComponent(p.slice(path.length)) } : null);
}

export class Router {
  private current: View | null = null;

  constructor(
    private readonly main: HTMLElement,
    private readonly routes: Route[],
    private readonly notFound: ViewFactory,
    /** Called after every route change (navigation chrome follows the URL). */
    private readonly onChange: () => void = () => {},
  ) {
    window.addEventListener('popstate', () => this.show(false));
    // Same-origin links marked data-link navigate without a page load; modified clicks keep browser behaviour.
    document.addEventListener('click', (ev) => {
      if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      const a = (ev.target as Element | null)?.closest?.('a[data-link]');
      if (!(a instanceof HTMLAnchorElement) || a.origin !== location.origin) return;
      ev.preventDefault();
      this.navigate(a.pathname + a.search + a.hash);
    });
  }

  navigate(path: string): void {
    if (path === location.pathname + location.search + location.hash) return;
    history.pushState(null, '', path);
    this.show(true);
  }

  /** Shows the view for the current URL; after a navigation, focus moves to the new page's heading. */
  show(moveFocus: boolean): void {
    this.current?.destroy();
    this.main.replaceChildren();
    const url = new URL(location.href);
    let factory: ViewFactory = this.notFound;
    for (const r of this.routes) {
      const params = r.match(url.pathname);
      if (params) {
        factory = r.view(params);
        break;
      }
    }
    this.current = factory(this.main, url);
    this.onChange();
    if (moveFocus) {
      const heading = this.main.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
      window.scrollTo(0, 0);
    }
  }

  rerender(): void {
    this.current?.render();
  }
}
