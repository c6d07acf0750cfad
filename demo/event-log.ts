/**
 * Shows a trainer what a host page receives: every event the picker fires, with its detail boiled
 * down to what a host would use (ids, verdict codes, error kinds), and the full detail on demand.
 */

const PICKER_EVENTS = ['account-select', 'account-deselect', 'change', 'search-complete', 'search-error'] as const;
const MAX_ENTRIES = 60;

type Detail = Record<string, unknown> | null | undefined;

/** The detail as a host developer would want to read it: the big account objects cut to id and name. */
export function summarize(type: string, detail: Detail): { line: string; data: unknown } {
  const account = (a: unknown) => {
    const acc = a as { id?: string; name?: string; number?: string } | undefined;
    return acc ? { id: acc.id, name: acc.name, number: acc.number } : undefined;
  };
  switch (type) {
    case 'account-select': {
      const d = detail as { account: unknown; eligibility: { code: string } };
      const a = account(d.account);
      return { line: `${a?.name} (${a?.id}) · ${d.eligibility.code}`, data: { account: a, eligibility: d.eligibility } };
    }
    case 'account-deselect': {
      const a = account((detail as { account: unknown }).account);
      return { line: `${a?.name} (${a?.id})`, data: { account: a } };
    }
    case 'search-complete': {
      const d = detail as { query: string; results: { account: unknown; eligibility: { code: string } }[]; nextCursor: unknown; total?: number; malformed?: number };
      const counts = new Map<string, number>();
      for (const r of d.results) counts.set(r.eligibility.code, (counts.get(r.eligibility.code) ?? 0) + 1);
      const codes = [...counts].map(([code, n]) => `${code} ${n}`).join(', ');
      return {
        line: `“${d.query}”: ${d.results.length} result${d.results.length === 1 ? '' : 's'}${codes ? ` (${codes})` : ''}${d.nextCursor ? ', more to load' : ''}`,
        data: {
          query: d.query,
          results: d.results.map((r) => ({ account: account(r.account), eligibility: r.eligibility.code })),
          nextCursor: d.nextCursor,
          total: d.total,
          malformed: d.malformed,
        },
      };
    }
    case 'search-error': {
      const d = detail as { query: string; error: { kind: string; status?: number; message: string } };
      return { line: `“${d.query}”: ${d.error.kind}${d.error.status ? ` ${d.error.status}` : ''}: ${d.error.message}`, data: d };
    }
    default:
      return { line: '', data: detail ?? null };
  }
}

export function connectEventLog(source: EventTarget, list: HTMLOListElement, clear: HTMLButtonElement): void {
  for (const type of PICKER_EVENTS) {
    source.addEventListener(type, (event) => {
      // The form also hears native change events from its other fields; only the picker's count here.
      const target = event.target as (Element & { value?: unknown }) | null;
      if (target?.localName !== 'link-account-picker') return;
      const { line, data } =
        type === 'change'
          ? { line: `value = ${JSON.stringify(target.value)}`, data: { value: target.value } }
          : summarize(type, (event as CustomEvent).detail as Detail);
      add(list, type, line, data);
    });
  }
  source.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    const entries = [...new FormData(form).entries()].map(([k, v]) => [k, String(v)]);
    add(list, 'submit', `${entries.length} form field${entries.length === 1 ? '' : 's'}`, entries);
  });
  clear.addEventListener('click', () => list.replaceChildren());
}

function add(list: HTMLOListElement, type: string, line: string, data: unknown): void {
  const entry = document.createElement('li');
  entry.className = `log-entry ${type}`;
  entry.dataset.event = type;

  const head = document.createElement('p');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString();
  const name = document.createElement('code');
  name.className = 'event-name';
  name.textContent = type;
  const text = document.createElement('span');
  text.textContent = line;
  head.append(time, ' ', name, ' ', text);

  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'detail';
  const pre = document.createElement('pre');
  pre.className = 'code';
  pre.textContent = JSON.stringify(data, null, 2);
  details.append(summary, pre);

  entry.append(head, details);
  list.prepend(entry);
  while (list.children.length > MAX_ENTRIES) list.lastElementChild!.remove();
}
