/**
 * Room under each picker for its results. The popup shows in the top layer, over the page, as it does
 * in a host: a page that shows many open pickers at once (the docs pages, the gallery) must leave the
 * space itself, or each list would cover whatever sits under its picker. Each picker gets a bottom
 * margin as tall as its open popup, kept up to date as the popup's size changes.
 */
import type { Picker } from './support.js';
import { TAG } from './support.js';

const watched = new WeakSet<Element>();

/**
 * Reserves the room under every picker in `container` (a `ref` callback), also pickers rendered
 * later in it: a change in Controls renders a fresh picker.
 */
export function reservePopupRoom(container: Element | undefined): void {
  if (!container || watched.has(container)) return;
  watched.add(container);
  const scan = (): void => {
    for (const picker of container.querySelectorAll<Picker>(TAG)) void watch(picker);
  };
  new MutationObserver(scan).observe(container, { childList: true, subtree: true });
  // The pickers render in the same task as the container: look once the template is in place.
  queueMicrotask(scan);
}

async function watch(picker: Picker): Promise<void> {
  if (watched.has(picker)) return;
  watched.add(picker);
  await picker.updateComplete;
  const popup = picker.shadowRoot?.querySelector<HTMLElement>('[part~="popup"]');
  if (!popup) return;
  new ResizeObserver(() => {
    picker.style.marginBlockEnd = popup.matches(':popover-open') ? `${popup.offsetHeight + 8}px` : '';
  }).observe(popup);
}
