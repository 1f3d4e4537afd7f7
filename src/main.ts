import { mount } from 'svelte';
import App from './App.svelte';
import 'virtual:palette.css';
import './app.css';
import { startUpdates } from './lib/updates.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount the simulator into.');

export default mount(App, { target });

// After the first paint: offline use and new versions (see updates.svelte.ts).
addEventListener('load', () => void startUpdates(), { once: true });
