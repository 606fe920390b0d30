/**
 * How an attack opens: the attacker takes hold of a victim's credentials and acts from an origin
 * with a tool. The tell-tale tool is drawn here for every attack, at {@link TELLTALE_RATE}.
 */
import type { ActorRef, Caller, OriginKind, ScenarioContext, ScenarioRng, ToolingKind } from "./define.ts";
import { TELLTALE_RATE } from "./telltales.ts";

/** The tool an attacker works with: a pentest distribution's at {@link TELLTALE_RATE}, else one of `choices`. */
export function attackTooling(rng: ScenarioRng, choices: readonly ToolingKind[]): ToolingKind {
  return rng.chance(TELLTALE_RATE) ? "pentest" : rng.pick(choices);
}

/** Where an attack may come from and with which tools; repeat an entry to weight it. */
export interface AttackOptions {
  origins: readonly OriginKind[];
  tooling: readonly ToolingKind[];
}

/** An attacker acting as its victim. */
export interface Attack {
  caller: Caller;
  /** The source address, for later calls from the same machine. */
  origin: string;
  tooling: ToolingKind;
}

/**
 * Act as `victim` from an origin drawn from `origins` with a tool drawn by {@link attackTooling},
 * and declare the victim an actor of the campaign.
 */
export function openAttack(ctx: ScenarioContext, victim: ActorRef, options: AttackOptions): Attack {
  const origin = ctx.origin(ctx.rng.pick(options.origins), victim);
  const tooling = attackTooling(ctx.rng, options.tooling);
  const caller = ctx.as(victim, origin, tooling);
  ctx.actor(victim.arn);
  return { caller, origin, tooling };
}
