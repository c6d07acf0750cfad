import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { COMPACT_POPUP_BELOW_PX, POPUP_GAP_PX, POPUP_MIN_HEIGHT_PX, VIEWPORT_MARGIN_PX } from '../defaults.js';
import { intersect, isOutOfView, placeHorizontally, placeVertically, type Box } from '../placement.js';

export interface PlacementOptions {
  /** Whether the popup should be shown. */
  open(): boolean;
  /** The control the popup hangs from. */
  anchor(): HTMLElement | null | undefined;
  /** The popup: a `popover="manual"` element. */
  popup(): HTMLElement | null | undefined;
}

/** What is followed while the popup shows: undone in one call. */
interface Tracking {
  readonly anchor: HTMLElement;
  readonly popup: HTMLElement;
  /** The control's ancestors that clip it (and may scroll it), through shadow roots. */
  readonly clippers: Element[];
  /** The width and window height the popup was last measured at, and its own max-height then. */
  width?: number;
  viewportHeight?: number;
  cap: number;
  /** The place last written, so an unchanged one is not written again. */
  written: string;
  stop(): void;
}

/**
 * Shows the results popup in the top layer (the Popover API) while the host is open, so no ancestor's
 * `overflow`, `z-index`, `transform` or modal dialog can clip or cover it, and keeps it against the
 * control: the control's width and edge, below it or above it where there is more room, no taller than
 * the room, inside the window. It follows the control wherever it moves or resizes (the page or any
 * scrolling ancestor scrolls, the window resizes, content around it changes) and the popup's own size,
 * and hides the popup while no part of the control is in view.
 *
 * It follows only while the popup shows (an animation frame loop and a ResizeObserver), and stops when
 * it closes or the host disconnects.
 * Without the Popover API (browsers before 2024) it does nothing: the styles then hang the popup under
 * the control in the page, as before.
 */
export class PlacementController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #options: PlacementOptions;
  #tracking?: Tracking;
  #frame = 0;

  constructor(host: ReactiveControllerHost & Element, options: PlacementOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const popup = this.#options.popup();
    const anchor = this.#options.anchor();
    if (!popup || !anchor || !('showPopover' in popup)) return;
    if (this.#options.open() && this.#host.isConnected) {
      if (!popup.matches(':popover-open')) popup.showPopover();
      if (this.#tracking?.popup !== popup || this.#tracking.anchor !== anchor) this.#track(anchor, popup);
      this.#place();
    } else {
      this.#stop();
      if (popup.isConnected && popup.matches(':popover-open')) popup.hidePopover();
    }
  }

  hostDisconnected(): void {
    // The popover left the document with the host, which hid it.
    this.#stop();
  }

  #track(anchor: HTMLElement, popup: HTMLElement): void {
    this.#stop();
    // Once a frame, before it paints: the box moves when the page or any ancestor scrolls, the window
    // resizes, or content above it grows (a banner, a story rendering), and no one event says all of
    // that. One rectangle read a frame, and a placement only when the box or the window changed.
    let seen = '';
    const follow = (): void => {
      const box = anchor.getBoundingClientRect();
      const root = document.documentElement;
      const now = `${box.top} ${box.left} ${box.width} ${box.height} ${root.clientWidth} ${root.clientHeight}`;
      if (now !== seen) this.#place();
      seen = now;
      this.#frame = requestAnimationFrame(follow);
    };
    // The popup's content (new results, a wrapped row) changes its height: placed again next frame.
    const resized = new ResizeObserver(() => (seen = ''));
    resized.observe(popup);
    this.#frame = requestAnimationFrame(follow);
    this.#tracking = {
      anchor,
      popup,
      clippers: clippingAncestors(anchor),
      cap: Infinity,
      written: '',
      stop: () => {
        resized.disconnect();
        cancelAnimationFrame(this.#frame);
      },
    };
  }

  #stop(): void {
    this.#tracking?.stop();
    this.#tracking = undefined;
  }

  /**
   * Measures the control and the popup's natural height, then writes the popup's place, only what
   * changed: a render that changes nothing of it costs one layout (the one the frame needs anyway),
   * not a second one for rewritten styles.
   */
  #place(): void {
    const tracking = this.#tracking;
    if (!tracking) return;
    const { anchor, popup, clippers } = tracking;
    const root = document.documentElement;
    const viewport: Box = { top: 0, left: 0, right: root.clientWidth, bottom: root.clientHeight };
    const control = anchor.getBoundingClientRect();
    const visible = clippers.reduce<Box>((area, clipper) => intersect(area, paddingBox(clipper)), viewport);
    const { left, width } = placeHorizontally(control, viewport.right);
    const style = popup.style;
    let natural: number;
    if (tracking.width !== width || tracking.viewportHeight !== viewport.bottom) {
      // A new width rewraps the rows, and a new window height may change the popup's own max-height
      // (`50dvh`): measured at the new width with no room limit.
      style.left = `${left}px`;
      style.width = `${width}px`;
      style.maxHeight = '';
      tracking.cap = parseFloat(getComputedStyle(popup).maxHeight) || Infinity;
      natural = popup.getBoundingClientRect().height;
      tracking.width = width;
      tracking.viewportHeight = viewport.bottom;
      tracking.written = '';
    } else {
      // Its content's height: what it shows plus what its scroller (or, compact, itself) hides.
      const scroller = popup.querySelector('.scroller');
      const hidden = (scroller ? scroller.scrollHeight - scroller.clientHeight : 0) + popup.scrollHeight - popup.clientHeight;
      natural = Math.min(tracking.cap, popup.getBoundingClientRect().height + hidden);
    }
    const { side, top, maxHeight } = placeVertically({
      anchor: control,
      viewportHeight: viewport.bottom,
      natural,
      gap: POPUP_GAP_PX,
      margin: VIEWPORT_MARGIN_PX,
      minHeight: POPUP_MIN_HEIGHT_PX,
    });
    // Too little room for a fixed summary and footer around the list (400 % zoom): all of it
    // scrolls. From the room, not the content: a loading line turning into rows changes nothing.
    const compact = maxHeight < COMPACT_POPUP_BELOW_PX;
    const outOfView = isOutOfView(control, visible);
    const place = `${left} ${top} ${maxHeight} ${side} ${compact} ${outOfView}`;
    if (place === tracking.written) return;
    tracking.written = place;
    style.left = `${left}px`;
    style.top = `${top}px`;
    // Still capped by its own max-height: the room may be taller than the popup was measured at.
    style.maxHeight = `min(var(--_popup-max-height), ${maxHeight}px)`;
    popup.dataset.side = side;
    popup.toggleAttribute('data-compact', compact);
    popup.toggleAttribute('data-out-of-view', outOfView);
  }
}

/**
 * The ancestors (through shadow roots and slots) whose overflow clips `element`. A fixed-position
 * box escapes every ancestor above it that does not contain it (one with a transform, a filter or
 * paint containment does). The root and body are left out: their overflow is the window's.
 */
function clippingAncestors(element: Element): Element[] {
  const found: Element[] = [];
  let fixed = false;
  for (let node = parentOf(element); node && node !== document.body && node !== document.documentElement; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.display === 'contents') continue;
    if (fixed && containsFixed(style)) fixed = false;
    if (!fixed && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) found.push(node);
    if (style.position === 'fixed') fixed = true;
  }
  return found;
}

function parentOf(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether a box with this style is the containing block of fixed-position descendants. */
function containsFixed(style: CSSStyleDeclaration): boolean {
  return style.transform !== 'none' || style.filter !== 'none' || style.perspective !== 'none' || /paint|layout|strict|content/.test(style.contain);
}

/** The element's inside edges (its padding box, where its content is clipped). */
function paddingBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const top = rect.top + element.clientTop;
  const left = rect.left + element.clientLeft;
  return { top, left, bottom: top + element.clientHeight, right: left + element.clientWidth };
}
