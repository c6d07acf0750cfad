/**
 * Story tests only (vitest browser mode): lets a story's `beforeEach` switch the browser into a real
 * media state — forced colours, dark scheme — the way a user's OS would, instead of faking it with a
 * class. Stories reach it through `emulateMedia()` in stories/support.ts, which is a no-op in the
 * Storybook UI (there a designer uses DevTools ▸ Rendering, as the story's description says).
 */
import { commands } from 'vitest/browser';
import type { MediaEmulation } from '../stories/support';

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: MediaEmulation) => Promise<void>;
  }
}

globalThis.__storyTestEmulateMedia = (media: MediaEmulation) => commands.emulateMedia(media);
