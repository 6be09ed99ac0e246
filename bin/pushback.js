#!/usr/bin/env node
'use strict';
// The command line lives in the bundled dist/cli.js; this file only runs it and
// turns an unexpected failure into one clear line instead of a stack trace.
const { main } = require('../dist/cli.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`pushback: unexpected error: ${error && error.message ? error.message : error}\n`);
    if (process.env.PUSHBACK_DEBUG) process.stderr.write(`${error && error.stack}\n`);
    process.exitCode = 3;
  },
);
