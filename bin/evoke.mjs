#!/usr/bin/env node
// Loads the TypeScript CLI through tsx, so `npx evoke` works in the repo with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
