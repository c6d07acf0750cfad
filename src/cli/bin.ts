#!/usr/bin/env node
// The executable: dist/cli/link-account-picker.js.
import { main } from './link-account-picker.js';

process.exitCode = await main(process.argv.slice(2));
