/**
 * The trainer's controls: who is being edited, how the mock server behaves, and what time it thinks
 * it is. Everything goes through the shared scenario store, so the next search sees the change.
 */
import { DEMO_USERS, MOCK_SITES, STORY_ACCOUNTS } from '../mocks/data.js';
import { FAILURES, LATENCIES, scenario, type Failure, type Latency, type Option } from '../mocks/scenario.js';
import type { PickerHost } from './picker-host.js';

export interface TrainingPanelOptions {
  /** False when the picker searches a real endpoint: speed, failures and the clock drive only the mock server. */
  mockControls: boolean;
}

export function connectTrainingPanel(host: PickerHost, options: TrainingPanelOptions = { mockControls: true }): void {
  const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
  const userSelect = $<HTMLSelectElement>('#demo-user');
  const latencySelect = $<HTMLSelectElement>('#latency');
  const failureSelect = $<HTMLSelectElement>('#failure');
  const clock = $<HTMLOutputElement>('#clock');
  const status = $<HTMLElement>('#training-status');

  userSelect.replaceChildren(
    ...DEMO_USERS.map((u) => {
      const site = MOCK_SITES.find((s) => s.id === u.siteId)!;
      return new Option(`${u.displayName} · ${site.name}`, u.id);
    }),
  );
  fill(latencySelect, LATENCIES);
  fill(failureSelect, FAILURES);
  renderStories($<HTMLTableSectionElement>('#story-list'));

  const show = (): void => {
    const s = scenario.get();
    userSelect.value = host.user.id;
    latencySelect.value = s.latency;
    failureSelect.value = s.failure;
    $('#latency-hint').textContent = LATENCIES.find((l) => l.value === s.latency)!.description;
    $('#failure-hint').textContent = FAILURES.find((f) => f.value === s.failure)!.description;
    failureSelect.classList.toggle('active-failure', s.failure !== 'none');
    showClock();
  };
  const showClock = (): void => {
    const { clockOffsetMinutes } = scenario.get();
    const time = new Date(scenario.now()).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const offset = clockOffsetMinutes === 0 ? 'real time' : `${clockOffsetMinutes > 0 ? '+' : ''}${clockOffsetMinutes} min ahead`;
    clock.textContent = `${time} (${offset})`;
  };
  /** The picker must not replay a cached answer from before the change; say what changed. */
  const changed = (message: string): void => {
    host.refresh();
    status.textContent = `${message} The next search shows it.`;
  };

  userSelect.addEventListener('change', () => {
    host.setUser(userSelect.value);
    status.textContent = `Now editing ${host.user.email}.`;
  });
  latencySelect.addEventListener('change', () => {
    scenario.set({ latency: latencySelect.value as Latency });
    changed(`Server speed: ${latencySelect.selectedOptions[0]!.text}.`);
  });
  failureSelect.addEventListener('change', () => {
    scenario.set({ failure: failureSelect.value as Failure });
    changed(`Failure: ${failureSelect.selectedOptions[0]!.text}.`);
  });
  const advance = (minutes: number) => () => {
    scenario.advanceClock(minutes);
    changed(`Mock clock moved ${minutes} minutes ahead.`);
  };
  $('#clock-plus-5').addEventListener('click', advance(5));
  $('#clock-plus-15').addEventListener('click', advance(15));
  $('#clock-reset').addEventListener('click', () => {
    scenario.set({ clockOffsetMinutes: 0 });
    changed('Mock clock back to real time.');
  });
  $('#reset-all').addEventListener('click', () => {
    // The latency a trainer starts with, not the tests' instant default.
    scenario.reset();
    scenario.set({ latency: 'fast' });
    host.setUser(DEMO_USERS[0].id);
    status.textContent = 'Everything reset: a new mock world starting now, so pending accounts are pending again.';
  });

  scenario.subscribe(show);
  show();
  setInterval(showClock, 1000);

  if (!options.mockControls) {
    // Left visible, so the page looks the same, but unusable: a control that silently does nothing
    // would teach a trainer the wrong thing.
    for (const id of ['#latency', '#failure', '#clock-plus-5', '#clock-plus-15', '#clock-reset', '#reset-all']) {
      $<HTMLSelectElement | HTMLButtonElement>(id).disabled = true;
    }
    status.textContent = 'Searching a live endpoint: server speed, failures and the clock apply to the mock server only.';
  }
}

function fill<T extends string>(select: HTMLSelectElement, options: readonly Option<T>[]): void {
  select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
}

function renderStories(body: HTMLTableSectionElement): void {
  body.replaceChildren(
    ...Object.values(STORY_ACCOUNTS).map((story) => {
      const row = document.createElement('tr');
      const search = document.createElement('td');
      const term = document.createElement('code');
      term.textContent = story.searchFor;
      // The name itself may be right-to-left; let the browser isolate it.
      term.dir = 'auto';
      search.append(term);
      const outcome = document.createElement('td');
      const code = document.createElement('span');
      code.className = `code-badge ${story.expected}`;
      code.textContent = story.expected;
      const note = document.createElement('span');
      note.className = 'story-note';
      note.textContent = story.situation;
      outcome.append(code, ' ', note);
      row.append(search, outcome);
      return row;
    }),
  );
}
