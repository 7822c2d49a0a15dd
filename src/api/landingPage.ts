// Development-only landing page at GET /graphql: a self-contained query box. Apollo's default landing pages load
// their code from a CDN, and this service makes no request to outside hosts; production disables landing pages.
import type { ApolloServerPlugin } from '@apollo/server';

const EXAMPLE = `{
  projects(filter: { covers: "APN", international: true }) {
    nodes { name period { start end text } partners { organization { name } side role } }
  }
}`;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphQL</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}textarea,pre{width:100%;font:13px monospace}
textarea{height:14rem}pre{background:#f4f4f4;padding:1rem;white-space:pre-wrap}</style></head>
<body><h1>GraphQL endpoint</h1>
<p>POST JSON <code>{"query": "...", "variables": {...}}</code> to this URL. Introspection is on outside production.</p>
<textarea id="q">${escapeHtml(EXAMPLE)}</textarea><p><button id="run">Run</button></p><pre id="out"></pre>
<script>
document.getElementById('run').onclick = async () => {
  const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.getElementById('q').value }) });
  document.getElementById('out').textContent = JSON.stringify(await res.json(), null, 2);
};
</script></body></html>`;

export function localLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { renderLandingPage: async () => ({ html: HTML }) };
    },
  };
}
