/** Test support: run the `seqlab` program in-process, its output silenced. */
import { buildProgram } from "./program.ts";

/** Run `seqlab ...args`; returns the error it rejected with, or undefined when it succeeded. */
export async function seqlab(...args: string[]): Promise<Error | undefined> {
  const [log, write] = [console.log, process.stderr.write];
  console.log = () => {};
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await buildProgram().parseAsync(["node", "seqlab", ...args]);
    return undefined;
  } catch (e) {
    return e as Error;
  } finally {
    console.log = log;
    process.stderr.write = write;
  }
}
