/**
 * Persona labels name the right persona for the identities benign activity really shows, cover
 * nearly all of it, and never name a persona for a key two personas share.
 */
import { describe, expect, it } from "vitest";
import type { SimulationConfig } from "../schema/manifest.ts";
import { generateBenignDay } from "./benign.ts";
import { periodOf } from "./period.ts";
import { personaLabels } from "./persona-labels.ts";
import type { EmittedRecord } from "./session.ts";
import { buildWorld } from "./world.ts";

const CONFIG: SimulationConfig = { seed: 5, days: 4, historyDays: 2, accounts: 4, suite: "smoke", start: "2026-10-05" };

/** The keys a record's caller shows under, as ingest turns them into a finding's actor. */
function callerKeys(r: Record<string, any>): string[] {
  const u = r.userIdentity ?? {};
  const keys = [u.arn, u.sessionContext?.sessionIssuer?.arn, u.accessKeyId];
  if (u.type === "AWSService") keys.push(u.invokedBy);
  if (u.accountId === "anonymous") keys.push("anonymous");
  return keys.filter((k): k is string => typeof k === "string");
}

describe("personaLabels", () => {
  const world = buildWorld(CONFIG.seed, { accounts: CONFIG.accounts, days: CONFIG.days });
  const labels = personaLabels(world);
  const period = periodOf(CONFIG);
  const records: { persona: string; record: Record<string, any> }[] = [];
  for (const p of world.principals) generateBenignDay(world, p, 2, period, (r: EmittedRecord) => records.push({ persona: p.persona, record: r.record }));

  it("labels each caller key with the persona of the principal that acted", () => {
    const wrong = records.flatMap(({ persona, record }) => callerKeys(record).filter((k) => k in labels && labels[k] !== persona).map((k) => `${k}: ${labels[k]} ≠ ${persona}`));
    expect(records.length).toBeGreaterThan(10_000);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it("labels nearly every benign record and every persona that acts", () => {
    const labelled = records.filter(({ record }) => callerKeys(record).some((k) => k in labels));
    expect(labelled.length / records.length).toBeGreaterThan(0.97);
    const acting = new Set(records.map((r) => r.persona));
    expect(new Set(Object.values(labels))).toEqual(new Set([...acting, "dormant-user"]));
  });

  it("leaves out keys that principals of two personas share, and is sorted", () => {
    // Dev workloads of both personas read prod through one cross-account role.
    const shared = world.principals.filter((p) => Object.keys(p.rolesIn).length > 0 && (p.persona === "ec2-app" || p.persona === "lambda-fn"));
    expect(new Set(shared.map((p) => p.persona))).toEqual(new Set(["ec2-app", "lambda-fn"]));
    for (const p of shared) for (const [account, role] of Object.entries(p.rolesIn)) expect(labels[`arn:aws:iam::${account}:role/${role.name}`]).toBeUndefined();
    expect(Object.keys(labels)).toEqual(Object.keys(labels).sort());
    expect(personaLabels(buildWorld(CONFIG.seed, { accounts: CONFIG.accounts, days: CONFIG.days }))).toEqual(labels);
  });
});
