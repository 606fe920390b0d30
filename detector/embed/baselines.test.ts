import { describe, expect, it } from "vitest";
import type { ActorType } from "../activity.ts";
import { indexIntel } from "../intel.ts";
import { actorRefOf } from "../peers.ts";
import { firstSeenTrainer } from "./first-seen.ts";
import { frequencyTrainer } from "./frequency.ts";
import { loadModel, saveModel } from "./save.ts";
import { ADMIN_APIS, BACKEND_APIS, BACKEND_DEVS, DEV_ACCOUNT, syntheticHistory } from "./testdata.ts";

const intel = indexIntel(undefined);
const ref = (actor: string, actorType: ActorType = "IAMUser") => actorRefOf({ actor, actorType, actorAccount: DEV_ACCOUNT });
const alice = ref(BACKEND_DEVS[0]!);
// Alice (developer 0) never called BACKEND_APIS[0]; her peers did.
const habitual = `api:${BACKEND_APIS[1]}`;
const peersOnly = `api:${BACKEND_APIS[0]}`;
const foreign = `api:${ADMIN_APIS[0]}`;

describe("first-seen baseline", () => {
  it("scores 0 for the actor's own tokens, 0.5 for its peers' only, 1 for the rest", async () => {
    const model = await firstSeenTrainer(intel).train(syntheticHistory(), { seed: 1 });
    expect(model.score(alice, habitual)).toBe(0);
    expect(model.score(alice, peersOnly)).toBe(0.5);
    expect(model.score(alice, foreign)).toBe(1);
    expect(model.score(alice, "api:never:Seen")).toBe(1);
    expect(model.score(ref(`arn:aws:iam::${DEV_ACCOUNT}:user/frank`), habitual)).toBe(0.5);
  });

  it("loads from its saved JSON and scores identically", async () => {
    const model = await firstSeenTrainer(intel).train(syntheticHistory(), { seed: 1 });
    const loaded = loadModel(saveModel(model));
    expect(loaded.kind).toBe("first-seen");
    for (const t of [habitual, peersOnly, foreign]) expect(loaded.score(alice, t)).toBe(model.score(alice, t));
  });
});

describe("frequency baseline", () => {
  it("orders habitual < peers' only < foreign, and scores unseen tokens 1", async () => {
    const model = await frequencyTrainer(intel).train(syntheticHistory(), { seed: 1 });
    const [h, p, f] = [habitual, peersOnly, foreign].map((t) => model.score(alice, t));
    expect(h).toBeLessThan(p!);
    expect(p).toBeLessThan(f!);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(1);
    expect(model.score(alice, "api:never:Seen")).toBe(1);
    // A region every activity carries is as habitual as can be.
    expect(model.score(alice, "region:eu-west-1")).toBe(0);
  });

  it("loads from its saved JSON and scores identically", async () => {
    const model = await frequencyTrainer(intel).train(syntheticHistory(), { seed: 1 });
    const loaded = loadModel(saveModel(model));
    expect(loaded.kind).toBe("frequency");
    const cold = ref(`arn:aws:iam::${DEV_ACCOUNT}:user/frank`);
    for (const actor of [alice, cold]) for (const t of [habitual, peersOnly, foreign]) expect(loaded.score(actor, t)).toBe(model.score(actor, t));
  });
});
