/** One readable line for a failed zod parse: the first problem, with its field path. */
import type { z } from "zod";

/** `"seqlab.score: expected number, received string"`; `root` names an error at the top level. */
export function describeIssue(error: z.ZodError, root = "(root)"): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? issue.path.join(".") : root}: ${issue.message}`;
}
