/**
 * Boots the training demo. Order matters: the mock server must be listening before the picker is
 * defined, or the picker's first search would go to a real (absent) backend.
 */
import { startMockWorker } from '../mocks/browser.js';
import { scenario } from '../mocks/scenario.js';
import { backendFrom, backendLabel } from './backend.js';
import { connectEventLog } from './event-log.js';
import { createPickerHost } from './picker-host.js';
import { connectTrainingPanel } from './training-panel.js';

scenario.persist(sessionStorage);
// A trainer's first impression should feel like a real server, not an instant one.
if (!sessionStorage.getItem('link-account-picker:demo-started')) {
  scenario.set({ latency: 'fast' });
  sessionStorage.setItem('link-account-picker:demo-started', 'yes');
}

// `?endpoint=…` (npm run endpoint prints it): a real endpoint, and no mock worker at all.
const backend = backendFrom(location.search);
const badge = document.querySelector<HTMLElement>('.demo-badge')!;
badge.textContent = backendLabel(backend);
badge.title = backend.kind === 'mock' ? 'Every answer comes from the mock server in this page' : 'Answers come from the endpoint named in the page URL';
document.documentElement.dataset.backend = backend.kind;
if (backend.kind === 'mock') await startMockWorker();

let elementReady = true;
try {
  await import('../src/link-account-picker.js');
} catch (error) {
  elementReady = false;
  console.warn('link-account-picker could not be loaded', error);
}

const form = document.querySelector<HTMLFormElement>('#user-form')!;
const host = createPickerHost(form, { elementReady, endpoint: backend.kind === 'invalid' ? undefined : backend.endpoint });
connectEventLog(form, document.querySelector('#event-log')!, document.querySelector('#log-clear')!);
connectTrainingPanel(host, { mockControls: backend.kind === 'mock' });
document.documentElement.dataset.demoReady = 'true';
