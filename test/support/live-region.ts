/**
 * What a screen reader hears over time: every text the picker's polite live region holds.
 */
import { shadow, squash, type Picker } from './picker.js';

/**
 * Records every text the live region holds from now on (consecutive repeats once), the way a screen
 * reader queues what a polite region says.
 */
export function recordLiveRegion(el: Picker): { texts: string[]; stop(): string[] } {
  const region = shadow(el).querySelector('[role="status"]')!;
  const texts: string[] = [];
  const take = () => {
    const text = squash(region.textContent);
    if (text && texts[texts.length - 1] !== text) texts.push(text);
  };
  const observer = new MutationObserver(take);
  observer.observe(region, { subtree: true, childList: true, characterData: true });
  return {
    texts,
    stop() {
      take();
      observer.disconnect();
      return texts;
    },
  };
}
