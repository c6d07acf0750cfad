/**
 * Everything the picker takes from @lit-labs/virtualizer, behind the one `import()` in
 * `virtual-list.ts`: one module, so each build puts it in one chunk (one request, not two), and the
 * drop-in folder's chunk holds the virtualizer with the Lit directive helpers only it uses.
 */
export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
export { flow } from '@lit-labs/virtualizer/layouts/flow.js';
