import { describe, expect, it } from "vitest";
import { buildBaseline } from "../baseline.ts";
import type { ActorRef } from "../model.ts";
import { actorRefOf } from "../peers.ts";
import type { Activity } from "../activity.ts";
import { defineSignal, type SignalDefinition } from "./define.ts";
import { createSignalEngine } from "./engine.ts";
import { ACCOUNT, ALICE, ct, fakeModel, INTEL, OTHER_ACCOUNT } from "./testing.ts";

const OTHER_ALICE = `arn:aws:iam::${ACCOUNT}:user/alice-admin`;

/** A rule that records the actor ref the engine gives it for each activity. */
function refProbe(): { seen: ActorRef[]; probe: SignalDefinition } {
  const seen: ActorRef[] = [];
  const probe = defineSignal({
    id: "probe", type: "Test:IAMUser/Probe", foundational: false, sources: ["cloudtrail"], severity: 1, tactic: "TA0007",
    observe(a, ctx) {
      seen.push(ctx.actorRef(a));
      return undefined;
    },
  });
  return { seen, probe };
}

/** The baseline of `history`, all of it before the history's end. */
const baselineOf = (history: Activity[]) => buildBaseline(history, INTEL, Math.max(...history.map((a) => a.time)) + 1);

describe("signal engine", () => {
  it("keeps the stronger of two signals one type raises on one activity, whichever rule ran first", () => {
    const rule = (id: string, severity: number) =>
      defineSignal({ id, type: "Discovery:IAMUser/AnomalousBehavior", foundational: true, sources: ["cloudtrail"], severity, tactic: "TA0007", observe: () => ({ indicators: [], evidence: id }) });
    for (const order of [[rule("first-unusual-read", 3), rule("burst", 6)], [rule("burst", 6), rule("first-unusual-read", 3)]]) {
      const engine = createSignalEngine({ baseline: buildBaseline([], INTEL, 0), model: fakeModel(), intel: INTEL, definitions: order });
      expect(engine.observe(ct("iam:ListUsers")).map((s) => [s.evidence, s.severity])).toEqual([["burst", 6]]);
    }
  });

  it("gives rules the actor ref of each activity's own actor, type and account", () => {
    const { seen, probe } = refProbe();
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

  it("judges a federated user the history never saw as the IAM user that minted it, and a known one as itself", () => {
    const { seen, probe } = refProbe();
    const federated = (name: string, issuer: string) => ct("iam:AttachUserPolicy", { actor: `arn:aws:sts::${ACCOUNT}:federated-user/${name}`, actorType: "FederatedUser", session: name, issuer });
    const known = federated("alice", ALICE);
    const history = [ct("s3:ListBuckets"), known];
    const engine = createSignalEngine({ baseline: baselineOf(history), model: fakeModel(), intel: INTEL, definitions: [probe] });
    const unknownIssuer = `arn:aws:iam::${ACCOUNT}:user/nobody`;
    // The same name minted by an issuer the history never saw is its own actor, whoever minted it before.
    for (const a of [federated("alice-vault", ALICE), known, federated("mallory", unknownIssuer), federated("alice-vault", ALICE), federated("alice-vault", unknownIssuer)]) engine.observe(a);
    expect(seen.map((r) => r.key)).toEqual([ALICE, known.actor, `arn:aws:sts::${ACCOUNT}:federated-user/mallory`, ALICE, `arn:aws:sts::${ACCOUNT}:federated-user/alice-vault`]);
  });

  it("leaves the federated users of an identity broker to their peers: they are other people", () => {
    const { seen, probe } = refProbe();
    const broker = `arn:aws:iam::${ACCOUNT}:user/sso-broker`;
    const federated = (name: string) => ct("s3:ListBuckets", { actor: `arn:aws:sts::${ACCOUNT}:federated-user/${name}`, actorType: "FederatedUser", session: name, issuer: broker });
    const history = [ct("sts:GetFederationToken", { actor: broker }), federated("ann"), federated("ben"), federated("cat")];
    const engine = createSignalEngine({ baseline: baselineOf(history), model: fakeModel(), intel: INTEL, definitions: [probe] });
    engine.observe(federated("dan"));
    expect(seen.map((r) => r.key)).toEqual([`arn:aws:sts::${ACCOUNT}:federated-user/dan`]);
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

  it("asks the model about an actor and a token once, and answers each actor its own score", () => {
    const asked: string[] = [];
    const model = fakeModel({ [`${OTHER_ALICE}|api:s3:GetObject`]: 0.9 }, 0.1);
    const counting = { name: "counting", score: (actor: ActorRef, token: string) => (asked.push(`${actor.key} ${token}`), model.score(actor, token)) };
    const answers: number[] = [];
    const probe = defineSignal({
      id: "probe", type: "Test:IAMUser/Probe", foundational: false, sources: ["cloudtrail"], severity: 1, tactic: "TA0007",
      observe(a, ctx) {
        answers.push(ctx.anomaly(a, `api:${a.action}`), ctx.anomaly(a, `api:${a.action}`));
        return undefined;
      },
    });
    const engine = createSignalEngine({ baseline: buildBaseline([], INTEL, 0), model: counting, intel: INTEL, definitions: [probe] });
    for (const actor of [undefined, OTHER_ALICE, undefined, OTHER_ALICE]) engine.observe(ct("s3:GetObject", actor ? { actor } : {}));
    expect(answers).toEqual([0.1, 0.1, 0.9, 0.9, 0.1, 0.1, 0.9, 0.9]);
    expect(asked).toEqual([`${ALICE} api:s3:GetObject`, `${OTHER_ALICE} api:s3:GetObject`]);
  });
});
