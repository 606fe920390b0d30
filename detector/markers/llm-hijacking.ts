/**
 * LLM hijacking: an identity that never used Bedrock checks what models or invocation logging an
 * account has and then invokes models — stolen credentials resold as free model access. Probing
 * region after region weighs double: a checker script looks for wherever models and quota are
 * open, while a developer trying Bedrock starts in one region. So do invocations from somewhere
 * else (habits.ts `fromElsewhere`): a developer trying Bedrock does it from their desk (perhaps
 * with a freshly installed SDK), a buyer of the stolen key from theirs. A newcomer's network says
 * nothing either way.
 */
import { fromElsewhere } from "../habits.ts";
import { defineMarker } from "../marker.ts";
import { apiToken } from "../tokens.ts";
import { eventOf, serviceOf, shortName, succeeded } from "./calls.ts";
import { listOf } from "./evidence.ts";

const INVOCATIONS = ["InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream"];
/** Regions probed from which the probing reads as a sweep. */
const SWEEP_REGIONS = 3;
const INVOCATION_TOKENS = INVOCATIONS.map((e) => apiToken(`bedrock:${e}`));

function isInvocation(action: string): boolean {
  return serviceOf(action) === "bedrock" && INVOCATIONS.includes(eventOf(action));
}

export default defineMarker({
  id: "llm-hijacking",
  title: "Bedrock probed, then invoked by an identity new to it",
  weight: 1.5,
  indicatorKeys: ["LLM_HIJACKING"],
  evaluate(candidate, ctx) {
    // Per actor: the probing calls it made and the regions it made them in.
    const probed = new Map<string, { actions: Set<string>; regions: Set<string> }>();
    const invoked = new Map<string, Set<string>>();
    /** Actors that invoked from somewhere else (habits.ts `fromElsewhere`). */
    const invokedAway = new Set<string>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (serviceOf(a.action) !== "bedrock") continue;
      if (isInvocation(a.action)) {
        if (!succeeded(a) || !probed.has(a.actor)) continue;
        const models = invoked.get(a.actor) ?? new Set<string>();
        const model = a.request?.["modelId"];
        models.add(typeof model === "string" ? model : (a.resources[0] ?? a.action));
        invoked.set(a.actor, models);
        if (!invokedAway.has(a.actor) && fromElsewhere(a, ctx.baseline, ctx.intel)) invokedAway.add(a.actor);
      } else {
        let probes = probed.get(a.actor);
        if (!probes) probed.set(a.actor, (probes = { actions: new Set(), regions: new Set() }));
        probes.actions.add(a.action);
        probes.regions.add(a.region);
      }
    }
    for (const [actor, models] of invoked) {
      const history = ctx.baseline.actor(actor)?.tokens;
      // Habitual Bedrock users are the developers and apps it is for.
      if (history && INVOCATION_TOKENS.some((t) => history.has(t))) continue;
      const { actions, regions } = probed.get(actor)!;
      const sweep = regions.size >= SWEEP_REGIONS;
      const away = invokedAway.has(actor);
      return {
        indicators: [{ key: "LLM_HIJACKING", values: [...models], title: "Models invoked" }],
        evidence: `${shortName(actor)}, with no Bedrock invocations in history, probed ${listOf(actions, 4)}${sweep ? ` in ${regions.size} regions` : ""} and then invoked ${listOf(models, 4)}${away ? ", from somewhere else" : ""}`,
        weight: sweep || away ? 3 : 1.5,
      };
    }
    return undefined;
  },
});
