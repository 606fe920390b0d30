import { defineScenario, type Caller } from "./define.ts";
import { MINUTE, HOUR, nextLocalHour } from "./time.ts";




/**
 * Benign look-alike: a developer rotates their own IAM user access key, as the key-age policy asks
 * (the AWS-documented order): create a second key, switch their tools to it, deactivate the old
 * key, and, hours or a day later, check the old key is unused and delete it. CreateAccessKey by a
 * user for itself followed by a never-seen key acting at once: the shape of key-based persistence.
 */
export default defineScenario({
  id: "self-service-key-rotation",
  title: "Developer rotates their own IAM access key",
  kind: "benign",
  description:
    "An IAM user with a long-term key, during office hours from a usual network (CLI with the old key, or the IAM console), lists their keys and creates a second one, configures the new key and keeps working with it from the same laptop, deactivates the old key with the new one, and later looks up the old key's last use and deletes it.",
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html (IAM: rotating access keys, create → update applications → deactivate → delete)",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html (IAM: let users manage their own credentials)",
    "https://docs.aws.amazon.com/config/latest/developerguide/access-keys-rotated.html (AWS Config rule access-keys-rotated: the policy that triggers rotation)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 60,
  stages: [
    { id: "create-key", tactic: "TA0003", technique: "T1098.001", description: "list own keys and create a second access key" },
    { id: "adopt-new-key", tactic: "TA0001", technique: "T1078.004", description: "the new key's first calls, then everyday work with it" },
    { id: "deactivate-old-key", tactic: "TA0040", technique: "T1531", description: "the old key set Inactive (with the new key, or in the console)" },
    { id: "delete-old-key", tactic: "TA0040", technique: "T1531", description: "old key's last use checked, then the key deleted", optional: true },
  ],
  run(ctx) {
    const { rng } = ctx;
    const consoleAccess = (arn: string) => ctx.inventory.principals.find((p) => p.arn === arn)?.consoleAccess ?? false;
    // A key is used from a CLI or SDK: console-first users without a password have no key habit.
    const devs = ctx.principals({ persona: "developer-iam-user", withAccessKey: true });
    const able = devs.filter((d) => d.tooling !== "console" || consoleAccess(d.arn));
    const dev = rng.pick(able.length > 0 ? able : devs);
    ctx.actor(dev.arn);
    const oldKey = dev.accessKeyId!;
    const newKey = ctx.newAccessKeyId();
    const user = { userName: dev.name };
    const everyday = ctx.habitualCalls(dev);
    // Console users rotate on their "Security credentials" page; others with the CLI and the old key.
    const inConsole = consoleAccess(dev.arn) && (dev.tooling === "console" || rng.chance(0.4));
    let t = nextLocalHour(ctx.start, rng.between(9.5, 16.5), dev.utcOffset) + rng.int(0, 59) * 1000;
    const step = (meanSeconds: number) => (t += rng.exponential(meanSeconds) * 1000 + 1000);
    const ip = ctx.origin("habitual", dev);
    const signIn = () => ctx.consoleLogin(dev, t - rng.between(10, 90) * 1000, ip);

    let manager: Caller | undefined;
    ctx.stage("create-key", () => {
      manager = inConsole ? signIn() : ctx.as(dev, ip, "habitual", t);
      manager.call("iam:ListAccessKeys", t, { args: user });
      manager.call("iam:CreateAccessKey", step(30), { args: { ...user, accessKeyId: newKey }, error: false });
    });

    // Pasting the key into ~/.aws/credentials, then trying it.
    t += rng.between(1, 10) * MINUTE;
    const fresh = ctx.asCreatedUser(dev.accountId, dev.name, newKey, ip, dev.tooling === "console" ? "cli" : "habitual");
    if (!inConsole) manager = fresh;
    ctx.stage("adopt-new-key", () => {
      fresh.call("sts:GetCallerIdentity", t, { error: false });
      for (let i = rng.int(8, 60); i > 0; i--) fresh.call(rng.weighted(everyday.map((e) => e[0]), everyday.map((e) => e[1])), step(rng.chance(0.7) ? 20 : 300));
    });

    t += rng.between(5, 90) * MINUTE;
    ctx.stage("deactivate-old-key", () => {
      manager!.call("iam:UpdateAccessKey", t, { args: { ...user, accessKeyId: oldKey, status: "Inactive" }, error: false });
      manager!.call("iam:ListAccessKeys", step(20), { args: user });
    });

    // Some leave the inactive key for the next rotation; most delete it on a later working hour.
    if (rng.chance(0.75)) {
      t = nextLocalHour(t + 2 * HOUR, rng.between(9.5, 17), dev.utcOffset);
      ctx.stage("delete-old-key", () => {
        if (inConsole) manager = signIn();
        manager!.call("iam:GetAccessKeyLastUsed", t, { args: { accessKeyId: oldKey } });
        manager!.call("iam:DeleteAccessKey", step(30), { args: { ...user, accessKeyId: oldKey }, error: false });
        manager!.call("iam:ListAccessKeys", step(10), { args: user });
      });
    }
  },
});
