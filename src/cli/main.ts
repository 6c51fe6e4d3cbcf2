#!/usr/bin/env node
import { runCli } from "./run.js";

// A reader that stops early (`icc-assess plan a.json | head`) closes the pipe: not an error, so
// stop quietly instead of crashing with a stack trace on EPIPE. Standard output on a full disk
// (`> file` on a full device) is the user's to fix: one line, exit 2, never "internal error".
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  const why = e.code === "ENOSPC" ? "no space left on the device" : e.message;
  process.stderr.write(`icc-assess: cannot write the output: ${why}\n`);
  process.exit(2);
});

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
