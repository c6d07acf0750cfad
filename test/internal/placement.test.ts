/** The placement rules alone, over plain rectangles (no DOM). */
import { expect } from '@open-wc/testing';
import { isOutOfView, placeHorizontally, placeVertically, type Box } from '../../src/internal/placement.js';

const box = (top: number, bottom: number, left = 20, right = 420): Box => ({ top, bottom, left, right });
const base = { viewportHeight: 600, gap: 4, margin: 4, minHeight: 120 };

describe('placement', () => {
  describe('placeVertically', () => {
    it('opens below the box when the popup fits there', () => {
      expect(placeVertically({ ...base, anchor: box(100, 140), natural: 300 })).to.deep.equal({ side: 'bottom', top: 144, maxHeight: 452 });
    });

    it('stays below when it does not fit but there is as much room below as above', () => {
      const placed = placeVertically({ ...base, anchor: box(280, 300), natural: 400 });
      expect(placed.side).to.equal('bottom');
      expect(placed.maxHeight).to.equal(292);
    });

    it('opens above when it does not fit below and there is more room above, ending at the box', () => {
      const placed = placeVertically({ ...base, anchor: box(536, 576), natural: 300 });
      expect(placed).to.deep.equal({ side: 'top', top: 232, maxHeight: 528 });
    });

    it('shrinks to the room above (400 % zoom: box at 148–176 in 256 px)', () => {
      const placed = placeVertically({ ...base, viewportHeight: 256, anchor: box(148, 176), natural: 300 });
      expect(placed).to.deep.equal({ side: 'top', top: 4, maxHeight: 140 });
    });

    it('never shrinks below the minimum; it is then shifted inside the window', () => {
      const placed = placeVertically({ ...base, viewportHeight: 256, anchor: box(110, 150), natural: 300 });
      expect(placed.maxHeight).to.equal(120);
      expect(placed.top + 120).to.be.at.most(252);
      expect(placed.top).to.be.at.least(4);
    });

    it('a popup shorter than the minimum keeps its own height', () => {
      const placed = placeVertically({ ...base, viewportHeight: 256, anchor: box(200, 240), natural: 60 });
      expect(placed).to.deep.equal({ side: 'top', top: 136, maxHeight: 192 });
    });

    it('is never taller than the window less its margins', () => {
      const placed = placeVertically({ ...base, viewportHeight: 100, anchor: box(40, 60), natural: 300 });
      expect(placed.maxHeight).to.equal(92);
      expect(placed.top).to.equal(4);
    });
  });

  describe('placeHorizontally', () => {
    it('takes the box’s left edge and width', () => {
      expect(placeHorizontally(box(0, 40, 20, 420), 800)).to.deep.equal({ left: 20, width: 400 });
    });

    it('shifts back inside the window when the box runs past an edge', () => {
      expect(placeHorizontally(box(0, 40, -30, 370), 800)).to.deep.equal({ left: 0, width: 400 });
      expect(placeHorizontally(box(0, 40, 500, 900), 800)).to.deep.equal({ left: 400, width: 400 });
    });

    it('narrows to the window', () => {
      expect(placeHorizontally(box(0, 40, -10, 900), 800)).to.deep.equal({ left: 0, width: 800 });
    });
  });

  describe('isOutOfView', () => {
    const visible = box(48, 600, 0, 800);
    it('is false while any part of the box shows', () => {
      expect(isOutOfView(box(590, 630), visible)).to.equal(false);
      expect(isOutOfView(box(30, 50), visible)).to.equal(false);
    });

    it('is true once the box is wholly outside, or has no size', () => {
      expect(isOutOfView(box(600, 640), visible)).to.equal(true);
      expect(isOutOfView(box(0, 48), visible)).to.equal(true);
      expect(isOutOfView(box(100, 100, 0, 0), visible)).to.equal(true);
    });
  });
});
