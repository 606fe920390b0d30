import { beforeAll, describe, expect, it } from "vitest";
import type { ActorType } from "../activity.ts";
import { indexIntel } from "../intel.ts";
import type { AnomalyModel } from "../model.ts";
import { actorRefOf } from "../peers.ts";
import { embeddingTrainer } from "./embedding.ts";
import { loadModel, saveModel } from "./save.ts";
import { ADMIN_APIS, BACKEND_APIS, BACKEND_DEVS, DEV_ACCOUNT, FRONTEND_APIS, FRONTEND_DEVS, SCANNER, SCANNER_APIS, syntheticHistory } from "./testdata.ts";

const intel = indexIntel(undefined);
const ref = (actor: string, actorType: ActorType, account = DEV_ACCOUNT) => actorRefOf({ actor, actorType, actorAccount: account });
const api = (name: string) => `api:${name}`;

/** Every score of every history actor and a cold-start one over every token, in a fixed order. */
function allScores(model: AnomalyModel): number[] {
  const actors = [...BACKEND_DEVS.map((a) => ref(a, "IAMUser")), ...FRONTEND_DEVS.map((a) => ref(a, "AssumedRole")), ref(`arn:aws:iam::${DEV_ACCOUNT}:user/frank`, "IAMUser")];
  const tokens = [...BACKEND_APIS, ...FRONTEND_APIS, ...SCANNER_APIS, ...ADMIN_APIS].map(api);
  return actors.flatMap((a) => tokens.map((t) => model.score(a, t)));
}

describe("embedding model", () => {
  let model: AnomalyModel;
  beforeAll(async () => {
    model = await embeddingTrainer(intel).train(syntheticHistory(), { seed: 1 });
  });

  it("scores behaviour new to an actor but typical of its peers low, and behaviour foreign to both high", () => {
    // Developer i never called APIS[i] in history; its peers did. Nobody in the account calls ADMIN_APIS.
    const check = (actor: ReturnType<typeof ref>, peersOnly: string) => {
      const newToActor = model.score(actor, api(peersOnly));
      expect(newToActor).toBeLessThan(0.3);
      for (const foreign of ADMIN_APIS) {
        expect(model.score(actor, api(foreign))).toBeGreaterThan(0.6);
        expect(model.score(actor, api(foreign)) - newToActor).toBeGreaterThan(0.4);
      }
    };
    BACKEND_DEVS.forEach((dev, i) => check(ref(dev, "IAMUser"), BACKEND_APIS[i]!));
    FRONTEND_DEVS.forEach((dev, i) => check(ref(dev, "AssumedRole"), FRONTEND_APIS[i]!));
  });

  it("scores an actor's own habits about 0", () => {
    const scanner = ref(SCANNER, "AssumedRole");
    for (const own of SCANNER_APIS) expect(model.score(scanner, api(own))).toBeLessThan(0.1);
  });

  it("keeps peer groups apart: another group's routine is foreign to a developer", () => {
    const alice = ref(BACKEND_DEVS[0]!, "IAMUser");
    const mean = (apis: string[]) => apis.reduce((s, a) => s + model.score(alice, api(a)), 0) / apis.length;
    expect(mean(SCANNER_APIS)).toBeGreaterThan(0.6);
    expect(mean(FRONTEND_APIS.filter((a) => !BACKEND_APIS.includes(a)))).toBeGreaterThan(0.6);
  });

  it("gives an actor unseen in history its peer group's expectations (cold start)", () => {
    const frank = ref(`arn:aws:iam::${DEV_ACCOUNT}:user/frank`, "IAMUser");
    for (const routine of BACKEND_APIS) expect(model.score(frank, api(routine))).toBeLessThan(0.3);
    for (const foreign of ADMIN_APIS) expect(model.score(frank, api(foreign))).toBeGreaterThan(0.6);
    // No peer group, no account in history: the global mean still gives a score in [0, 1].
    const stranger = ref("arn:aws:iam::999999999999:user/x", "IAMUser", "999999999999");
    const s = model.score(stranger, api(BACKEND_APIS[0]!));
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
  });

  it("scores a token never seen in history as foreign", () => {
    expect(model.score(ref(BACKEND_DEVS[0]!, "IAMUser"), api("bedrock:InvokeModel"))).toBe(1);
  });

  it("loads from its saved JSON and scores identically", () => {
    const json = saveModel(model);
    expect(JSON.parse(json)).toMatchObject({ kind: "embedding", format: "seqlab-anomaly-model" });
    expect(allScores(loadModel(json))).toEqual(allScores(model));
  });

  it("is deterministic: the same seed gives exactly the same scores, another seed other scores", async () => {
    // Exact equality, not a tolerance: initial weights, batches and negatives come from our seeded
    // rng in a fixed order, and the wasm kernels are single-threaded, so every float op repeats.
    const quick = embeddingTrainer(intel, { epochs: 2 });
    const a = allScores(await quick.train(syntheticHistory(), { seed: 7 }));
    const b = allScores(await quick.train(syntheticHistory(), { seed: 7 }));
    const c = allScores(await quick.train(syntheticHistory(), { seed: 8 }));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("reports training progress up to its total", async () => {
    const seen: [number, number][] = [];
    await embeddingTrainer(intel, { epochs: 1 }).train(syntheticHistory(), { seed: 1, onProgress: (done, total) => seen.push([done, total]) });
    const [done, total] = seen[seen.length - 1]!;
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(0);
  });

  it("rejects bad settings and an empty history with clear errors", async () => {
    expect(() => embeddingTrainer(intel, { dim: 0 })).toThrow(/dim must be an integer >= 1, got 0/);
    expect(() => embeddingTrainer(intel, { learningRate: -1 })).toThrow(/learningRate/);
    await expect(embeddingTrainer(intel).train([], { seed: 1 })).rejects.toThrow(/no activity/);
  });
});
