import { describe, expect, it } from "vitest";
import { buildBaseline } from "../baseline.ts";
import type { ActorRef } from "../model.ts";
import { actorRefOf } from "../peers.ts";
import { defineSignal } from "./define.ts";
import { createSignalEngine } from "./engine.ts";
import { ACCOUNT, ct, fakeModel, INTEL, OTHER_ACCOUNT } from "./testing.ts";

describe("signal engine", () => {
  it("gives rules the actor ref of each activity's own actor, type and account", () => {
    const seen: ActorRef[] = [];
    const probe = defineSignal({
      id: "probe", type: "Test:IAMUser/Probe", foundational: false, sources: ["cloudtrail"], severity: 1, tactic: "TA0007",
      observe(a, ctx) {
        seen.push(ctx.actorRef(a));
        return undefined;
      },
    });
    const engine = createSignalEngine({ baseline: buildBaseline([], INTEL, 0), model: fakeModel(), intel: INTEL, definitions: [probe] });
    const role = `arn:aws:iam::${ACCOUNT}:role/orders-api-prod-task`;
    const activities = [
      ct("s3:ListBuckets"),
      ct("s3:ListBuckets", { actor: role, actorType: "AssumedRole" }),
      ct("s3:ListBuckets", { actor: role, actorType: "AssumedRole" }),
      ct("s3:ListBuckets", { actor: role, actorType: "AssumedRole", actorAccount: OTHER_ACCOUNT }),
      ct("s3:ListBuckets", { actor: role, actorType: "Unknown" }),
    ];
    for (const a of activities) engine.observe(a);
    expect(seen).toEqual(activities.map(actorRefOf));
    expect(seen.map((r) => r.peerGroup)).toEqual([`${ACCOUNT}|IAMUser`, `${ACCOUNT}|role:orders-api-task`, `${ACCOUNT}|role:orders-api-task`, `${OTHER_ACCOUNT}|role:orders-api-task`, `${ACCOUNT}|Unknown`]);
  });

  it("shows a rule only the sources and actions it declares", () => {
    const seen: string[] = [];
    const probe = (id: string, actions?: string[]) =>
      defineSignal({
        id, type: "Test:IAMUser/Probe", foundational: false, sources: ["cloudtrail"], ...(actions ? { actions } : {}), severity: 1, tactic: "TA0007",
        observe(a) {
          seen.push(`${id} ${a.action}`);
          return undefined;
        },
      });
    const engine = createSignalEngine({ baseline: buildBaseline([], INTEL, 0), model: fakeModel(), intel: INTEL, definitions: [probe("any"), probe("puts", ["s3:PutObject", "s3:PutBucketPolicy"])] });
    for (const action of ["s3:GetObject", "s3:PutObject", "s3:GetObject", "s3:PutBucketPolicy"]) engine.observe(ct(action));
    engine.observe({ ...ct("s3:PutObject"), source: "runtime" });
    expect(seen).toEqual(["any s3:GetObject", "any s3:PutObject", "puts s3:PutObject", "any s3:GetObject", "any s3:PutBucketPolicy", "puts s3:PutBucketPolicy"]);
  });
});
