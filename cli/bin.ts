#!/usr/bin/env -S npx tsx
/** Entry point of the `seqlab` command: runs the program and maps errors to exit codes. */
import { buildProgram, CommanderError } from "./program.ts";
import { UsageError } from "./errors.ts";

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or help); help and version exit 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError) {
    process.stderr.write(`seqlab: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`seqlab: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
