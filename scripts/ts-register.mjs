// `node --import ./scripts/ts-register.mjs …`: TypeScript sources importable in Node 20 (see ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
