#!/usr/bin/env node
// kindling's command-line entry: everything lives in dist/cli/main.js (built by `npm install`).
import('../dist/cli/main.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv);
  },
  (err) => {
    console.error(`kindling is not built (${err.message}); run \`npm install\` (or \`npm run build\`) in its folder`);
    process.exitCode = 1;
  },
);
