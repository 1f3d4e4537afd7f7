import { mount } from 'svelte';
import App from './App.svelte';
import 'virtual:palette.css';
import './app.css';
import { startUpdates } from './lib/updates.svelte';
import { schemes } from './charts/palette.svelte';
import { currentParams } from './lib/address';
import { parseRoute } from './lib/modes';

// The saved colour scheme, before the first render (no inline script: the CSP allows none), and
// the charts' colours from then on follow the scheme in use (src/charts/palette.svelte.ts). The
// embed view shows no switch, so it follows the system's scheme and ignores a saved choice.
schemes.start(document.documentElement, {
  saved: !parseRoute(currentParams(), location.pathname).embed,
});

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount the simulator into.');

export default mount(App, { target });

// After the first paint: offline use and new versions (see updates.svelte.ts); and, once the page
// is idle, the glossary's definitions, so that a term opens with its definition at once.
addEventListener(
  'load',
  () => {
    void startUpdates();
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1000));
    idle(() => void import('./content/glossary'));
  },
  { once: true },
);
