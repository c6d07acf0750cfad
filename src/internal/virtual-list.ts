/**
 * @lit-labs/virtualizer, loaded the first time a result list is long enough to need it.
 *
 * Most searches return a page or two of accounts: they never pay for the virtualizer (about 10 KB
 * gzipped). A host's bundler, or the drop-in build, puts it in its own chunk, fetched in the background
 * as soon as results grow long.
 */
import type { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { flow } from '@lit-labs/virtualizer/layouts/flow.js';

export interface VirtualizerApi {
  virtualize: typeof virtualize;
  /** The key under which a virtualized element holds its virtualizer (for `element(i).scrollIntoView()`). */
  ref: typeof virtualizerRef;
  /**
   * Named, not left to the default: the default layout is itself loaded with a dynamic import, and a
   * list could not scroll to a far row until that import had arrived.
   */
  layout: ReturnType<typeof flow>;
}

let api: VirtualizerApi | undefined;
let loading: Promise<VirtualizerApi> | undefined;
let failed = false;

/** The virtualizer when it has loaded. */
export function loadedVirtualizer(): VirtualizerApi | undefined {
  return api;
}

/** Whether loading it failed (the list then renders every row, slowly but completely). */
export function virtualizerFailed(): boolean {
  return failed;
}

/** Loads it once; later calls share the first load. */
export function loadVirtualizer(): Promise<VirtualizerApi> {
  loading ??= import('./virtualizer.js').then(
    (module) => (api = { virtualize: module.virtualize, ref: module.virtualizerRef, layout: module.flow() }),
    (error: unknown) => {
      failed = true;
      throw error;
    },
  );
  return loading;
}
