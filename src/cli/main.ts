#!/usr/bin/env node
import { runCli } from "./run.js";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // a bug in icc-assess itself, not a user's mistake: say so briefly, with the stack for a report
    process.stderr.write(
      `icc-assess: internal error, please report it: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
