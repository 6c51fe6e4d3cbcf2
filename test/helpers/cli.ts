/** Runs `icc-assess` in process (so v8 coverage sees it), with stdout and stderr captured. */
import { vi } from "vitest";
import { runCli } from "../../src/cli/run.js";

/** What one run of the CLI returned and printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runInProcess}. */
export interface RunInProcessOptions {
  /** Pretend stderr is a terminal, so progress lines are printed (default false). */
  readonly stderrIsTTY?: boolean;
}

/**
 * Calls `runCli(args)` with `process.stdout.write` and `process.stderr.write` spied on and
 * captured, and restores both afterwards, also when `runCli` throws (the error is rethrown).
 * `runCli` returns the exit code and must leave `process.exitCode` alone (only main.ts sets it):
 * a run that changes it fails.
 */
export async function runInProcess(
  args: readonly string[],
  options: RunInProcessOptions = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
  if (options.stderrIsTTY === true) {
    Object.defineProperty(process.stderr, "isTTY", { value: true, configurable: true });
  }
  const exitCode = process.exitCode;
  let code: number;
  let changed: typeof process.exitCode;
  try {
    code = await runCli(args);
  } finally {
    out.mockRestore();
    err.mockRestore();
    if (options.stderrIsTTY === true) {
      if (tty === undefined) delete (process.stderr as { isTTY?: boolean }).isTTY;
      else Object.defineProperty(process.stderr, "isTTY", tty);
    }
    changed = process.exitCode;
    process.exitCode = exitCode;
  }
  if (changed !== exitCode) {
    throw new Error(`runCli(${JSON.stringify(args)}) set process.exitCode to ${String(changed)}`);
  }
  return { code, stdout, stderr };
}
