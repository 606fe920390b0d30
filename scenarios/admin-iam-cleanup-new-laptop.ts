import { defineScenario } from "./define.ts";

/**
 * Benign look-alike: a platform admin, on a brand-new laptop and from home, runs a planned IAM
 * clean-up: broad IAM discovery, then deletes stale access keys, login profiles and users. New
 * device, many IAM writes and deletions: alarming to a naive detector, legitimate here.
 */
export default defineScenario({
  id: "admin-iam-cleanup-new-laptop",
  title: "Planned IAM clean-up by an admin on a new laptop",
  kind: "benign",
  description:
    "An administrator with a freshly installed CLI (new user agent) works from home during a change window: lists users, keys and policies across the account, then deactivates and deletes stale keys, detaches policies and removes departed users.",
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys_finding-unused.html (AWS: finding unused credentials)",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_remove.html (AWS: removing IAM users)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 4,
  stages: [
    { id: "inventory", tactic: "TA0007", technique: "T1087.004", description: "list users, access keys, MFA devices and attached policies" },
    { id: "cleanup", tactic: "TA0040", technique: "T1531", description: "deactivate and delete stale keys, login profiles and users" },
  ],
  run(ctx) {
    const { rng } = ctx;
    // Clean-ups happen where former staff left users behind: the workload accounts.
    const admin = rng.pick(ctx.principals({ persona: "platform-admin", accountKind: ["prod", "staging", "dev"] }));
    const caller = ctx.as(admin, ctx.origin("habitual", admin), "new-device");
    ctx.actor(admin.arn);
    const dormant = ctx.principals({ persona: "dormant-user" }).filter((u) => u.accountId === admin.accountId);
    const stale = rng.sample(dormant, rng.int(Math.min(2, dormant.length), dormant.length));
    let t = ctx.start;
    const step = (meanSeconds: number) => (t += rng.exponential(meanSeconds) * 1000 + 800);
    ctx.stage("inventory", () => {
      caller.call("iam:GetAccountAuthorizationDetails", t);
      caller.call("iam:ListUsers", step(10));
      for (const u of stale) {
        caller.call("iam:ListAccessKeys", step(8), { args: { userName: u.name } });
        caller.call("iam:ListAttachedUserPolicies", step(5), { args: { userName: u.name } });
        caller.call("iam:GetLoginProfile", step(5), { args: { userName: u.name } });
      }
    });
    t += rng.between(300, 2400) * 1000;
    ctx.stage("cleanup", () => {
      for (const u of stale) {
        const key = { userName: u.name, accessKeyId: u.accessKeyId };
        caller.call("iam:UpdateAccessKey", t, { args: { ...key, status: "Inactive" } });
        caller.call("iam:DeleteAccessKey", step(20), { args: key });
        caller.call("iam:DetachUserPolicy", step(10), { args: { userName: u.name } });
        if (rng.chance(0.5)) caller.call("iam:DeleteLoginProfile", step(10), { args: { userName: u.name } });
        if (rng.chance(0.6)) caller.call("iam:DeleteUser", step(10), { args: { userName: u.name } });
        step(60);
      }
    });
  },
});
