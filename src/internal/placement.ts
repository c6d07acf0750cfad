/**
 * Where the results popup goes, worked out from rectangles alone (no DOM): the placement controller
 * measures, these decide. Coordinates are the viewport's (`getBoundingClientRect()`), which is what a
 * `position: fixed` popup in the top layer is placed in.
 *
 * Written here rather than taken from Floating UI: the part of it this needs (computePosition,
 * autoUpdate, flip, size, shift, hide) weighs about 7 kB gzipped, several times what the drop-in
 * bundle may grow for placement.
 */

/** A rectangle in viewport coordinates. */
export interface Box {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Which side of the control the popup opens on. */
export type Side = 'bottom' | 'top';

export interface VerticalInput {
  /** The control the popup hangs from. */
  readonly anchor: Box;
  /** The window's height. */
  readonly viewportHeight: number;
  /** How tall the popup would be with room to spare (its content, up to its own max-height). */
  readonly natural: number;
  /** The gap between the control and the popup. */
  readonly gap: number;
  /** The space kept free at the window's top and bottom edges. */
  readonly margin: number;
  /** The popup never shrinks below this (or its natural height, when smaller) to fit a side. */
  readonly minHeight: number;
}

export interface Vertical {
  readonly side: Side;
  readonly top: number;
  /** The tallest the popup may be here: it scrolls beyond. */
  readonly maxHeight: number;
}

/**
 * Below the control when the popup fits there or there is at least as much room below as above;
 * above otherwise. It shrinks to the room on its side (never below `minHeight`), and is shifted back
 * inside the window when even that does not fit.
 */
export function placeVertically(input: VerticalInput): Vertical {
  const { anchor, viewportHeight, natural, gap, margin } = input;
  const below = viewportHeight - margin - (anchor.bottom + gap);
  const above = anchor.top - gap - margin;
  const side: Side = natural <= below || below >= above ? 'bottom' : 'top';
  const room = side === 'bottom' ? below : above;
  const floor = Math.min(input.minHeight, natural);
  const maxHeight = Math.max(0, Math.min(Math.max(room, floor), viewportHeight - 2 * margin));
  const height = Math.min(natural, maxHeight);
  const top = side === 'bottom' ? anchor.bottom + gap : anchor.top - gap - height;
  return { side, top: clamp(top, margin, viewportHeight - margin - height), maxHeight };
}

export interface Horizontal {
  readonly left: number;
  readonly width: number;
}

/**
 * The control's width and left edge (so aligned in either direction), narrowed to the window and
 * shifted back inside it when the control runs past an edge.
 */
export function placeHorizontally(anchor: Box, viewportWidth: number): Horizontal {
  const width = Math.max(0, Math.min(anchor.right - anchor.left, viewportWidth));
  return { left: clamp(anchor.left, 0, viewportWidth - width), width };
}

/** The part two rectangles share (empty when `bottom <= top` or `right <= left`). */
export function intersect(a: Box, b: Box): Box {
  return {
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
    left: Math.max(a.left, b.left),
  };
}

/**
 * Whether nothing of the control can be seen in the area its scrolling ancestors and the window leave
 * visible: then the popup would float next to nothing.
 */
export function isOutOfView(anchor: Box, visible: Box): boolean {
  const shared = intersect(anchor, visible);
  return shared.bottom <= shared.top || shared.right <= shared.left;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
