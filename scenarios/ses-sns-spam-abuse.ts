import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { topicName } from "./names.ts";
import { stepClock } from "./time.ts";

/**
 * A leaked access key is checked for its worth as a spam relay: SES sending quotas in several
 * regions, the account's sending status and verified identities, SMS settings. The attacker then
 * verifies new sender addresses, re-enables sending if it was paused and, in some instances,
 * prepares SNS for SMS phishing (spend type, a topic).
 */
export default defineScenario({
  id: "ses-sns-spam-abuse",
  title: "Leaked key abused for SES email spam and SNS SMS phishing",
  kind: "attack",
  description:
    "A developer's leaked key checks its identity, reads SES sending quotas and account details across regions, lists verified identities and SMS attributes, verifies new sender email addresses and turns account sending back on, and sometimes sets SNS SMS attributes and creates a topic for smishing.",
  references: [
    "https://permiso.io/blog/s/aws-ses-pionage-detecting-ses-abuse/ (Permiso, 2023: SES-pionage, GetSendQuota across regions, VerifyEmailIdentity, UpdateAccountSendingEnabled)",
    "https://securitylabs.datadoghq.com/articles/tales-from-the-cloud-trenches-aws-activity-to-phishing/ (Datadog Security Labs, 2024: compromised keys used for SES phishing)",
    "https://www.invictus-ir.com/news/the-curious-case-of-dangerdev-protonmail-me (Invictus IR, 2024: SES reconnaissance with a leaked key)",
    "https://www.sentinelone.com/labs/sns-sender-active-campaigns-unleash-messaging-spam-through-the-cloud/ (SentinelLabs, 2024: SNS Sender, SMS phishing through AWS SNS)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 7,
  stages: [
    { id: "initial-access", tactic: "TA0001", technique: "T1078.004", description: "the leaked key is checked" },
    { id: "discovery", tactic: "TA0007", technique: "T1526", description: "SES quotas, account status and identities in several regions; SMS attributes" },
    { id: "sender-setup", tactic: "TA0040", technique: "T1496", description: "new sender addresses verified, account sending re-enabled" },
    { id: "sms-setup", tactic: "TA0040", technique: "T1496", description: "SNS SMS attributes set and a topic created for smishing", optional: true },
  ],
  freeOrder: [["sender-setup", "sms-setup"]],
  run(ctx) {
    const { rng } = ctx;
    const victim = rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }));
    const { caller: attacker } = openAttack(ctx, victim, { origins: ["vps", "vps", "residential", "vpn", "tor"], tooling: ["boto3", "boto3", "cli", "go-sdk"] });
    const account = ctx.inventory.accounts.find((a) => a.id === victim.accountId)!;
    // The organisation's own mail domain makes the best sender.
    const domain = `${account.name.split("-")[0]}.example.com`;
    const clock = stepClock(rng, ctx.start, 500);
    const { step, pause } = clock;

    ctx.stage("initial-access", () => {
      attacker.call("sts:GetCallerIdentity", clock.now);
    });

    pause(5, 1800);
    const sesRegions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1", "ap-south-1", "ap-southeast-2", "ca-central-1", "sa-east-1"];
    const checked = [...new Set([account.regions[0]!, ...rng.sample(sesRegions, rng.int(1, 7))])];
    // The region with the best quota (or production access) is where the campaign runs.
    const chosen = rng.sample(checked, rng.int(1, Math.min(2, checked.length)));
    const sms = rng.chance(0.5);
    ctx.stage("discovery", () => {
      for (const region of checked) {
        attacker.call("ses:GetSendQuota", step(2), { region });
        if (rng.chance(0.5)) attacker.call("ses:GetAccount", step(2), { region });
      }
      for (const region of chosen) attacker.call("ses:ListIdentities", step(3), { region, args: { identityType: rng.pick(["EmailAddress", "Domain"]) } });
      if (sms || rng.chance(0.3)) for (const region of rng.sample(checked, rng.int(1, Math.min(3, checked.length)))) attacker.call("sns:GetSMSAttributes", step(2), { region });
    });

    // Mail and SMS are separate channels: operators set them up in either order.
    const mail = () => {
      pause(60, 3 * 3600);
      ctx.stage("sender-setup", () => {
        for (const region of chosen) {
          const locals = rng.sample(["noreply", "no-reply", "support", "billing", "info", "notifications", "security", "accounts"], rng.int(1, 4));
          for (const local of locals) attacker.call("ses:VerifyEmailIdentity", step(6), { region, args: { emailAddress: `${local}@${domain}` } });
          if (rng.chance(0.5)) attacker.call("ses:UpdateAccountSendingEnabled", step(5), { region, args: { enabled: true } });
          if (rng.chance(0.5)) attacker.call("ses:ListIdentities", step(60), { region, args: { identityType: "EmailAddress" } });
        }
      });
    };
    const texts = () => {
      if (!sms) return;
      pause(60, 2 * 3600);
      ctx.stage("sms-setup", () => {
        const region = rng.pick(checked);
        attacker.call("sns:GetSMSAttributes", step(2), { region });
        attacker.call("sns:SetSMSAttributes", step(5), { region, args: { attributes: { DefaultSMSType: rng.pick(["Transactional", "Promotional"]), ...(rng.chance(0.4) ? { DefaultSenderID: rng.pick(["INFO", "ALERT", "VERIFY", "NOTICE"]) } : {}) } } });
        if (rng.chance(0.7)) attacker.call("sns:CreateTopic", step(8), { region, args: { topicName: topicName(rng) } });
        if (rng.chance(0.4)) attacker.call("sns:ListTopics", step(4), { region });
      });
    };
    for (const setup of rng.sample([mail, texts], 2)) setup();
  },
});
