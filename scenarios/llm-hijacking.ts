import { openAttack } from "./attacker.ts";
import { defineScenario } from "./define.ts";
import { BEDROCK_MODELS } from "./names.ts";
import { stepClock } from "./time.ts";

/**
 * LLMjacking: stolen cloud credentials sold as access to hosted language models. A checker script
 * finds out whether prompts are logged and which Bedrock models the key may use in which regions;
 * then a reverse proxy in front of the key serves its customers' prompts in bursts for hours, at
 * the victim's expense. Some operators delete the invocation-logging configuration first.
 */
export default defineScenario({
  id: "llm-hijacking",
  title: "LLMjacking: stolen credentials resold as Bedrock model access",
  kind: "attack",
  description:
    "A leaked developer key (or instance credentials used outside AWS) checks the Bedrock invocation-logging configuration, lists foundation models and their availability in several regions, sometimes probes InvokeModel with invalid parameters and deletes the logging configuration, then a reverse proxy sends bursts of InvokeModel and InvokeModelWithResponseStream calls for hours.",
  references: [
    "https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/ (Sysdig, May 2024: LLMjacking, logging checks, GetFoundationModelAvailability, InvokeModel probes)",
    "https://sysdig.com/blog/growing-dangers-of-llmjacking/ (Sysdig, September 2024: logging configuration deleted, invocation bursts through reverse proxies)",
    "https://permiso.io/blog/exploiting-hosted-models (Permiso, 2024: hijacked Bedrock models behind reverse proxies)",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html (AWS: Bedrock API calls in CloudTrail)",
  ],
  expectedSequenceType: "AttackSequence:IAM/CompromisedCredentials",
  maxDurationHours: 30,
  stages: [
    { id: "initial-access", tactic: "TA0001", technique: "T1078.004", description: "the stolen credentials are checked" },
    { id: "discovery", tactic: "TA0007", technique: "T1526", description: "invocation-logging configuration, foundation models and their availability in several regions" },
    { id: "defense-evasion", tactic: "TA0005", technique: "T1562.008", description: "the model invocation logging configuration deleted", optional: true },
    { id: "impact", tactic: "TA0040", technique: "T1496", description: "bursts of model invocations served to the proxy's customers" },
  ],
  run(ctx) {
    const { rng } = ctx;
    // Keys leaked from code are the usual source; instance credentials from SSRF also serve.
    const victim = rng.chance(0.75)
      ? rng.pick(ctx.principals({ persona: "developer-iam-user", withAccessKey: true }))
      : rng.pick(ctx.principals({ persona: "ec2-app", withInstance: true }));
    const { caller: checker, origin: checkerOrigin } = openAttack(ctx, victim, { origins: ["vps", "vps", "tor", "vpn", "residential"], tooling: ["boto3", "boto3", "cli", "go-sdk"] });
    // Instance credentials expire within hours; a leaked user key serves until someone notices.
    const deadline = ctx.start + (victim.instanceId ? 6 : 29) * 3600_000;
    const clock = stepClock(rng, ctx.start, 300);
    const { step, pause } = clock;

    const home = ctx.inventory.accounts.find((a) => a.id === victim.accountId)!.regions[0]!;
    const bedrockRegions = ["us-east-1", "us-west-2", "eu-central-1", "eu-west-1", "eu-west-3", "ap-northeast-1", "ap-southeast-2", "ap-south-1", "ca-central-1", "sa-east-1"];
    const models = BEDROCK_MODELS;

    ctx.stage("initial-access", () => {
      checker.call("sts:GetCallerIdentity", clock.now);
    });

    pause(2, 300);
    const regions = [home, ...rng.sample(bedrockRegions.filter((r) => r !== home), rng.int(1, 5))];
    const loggingRegions = rng.sample(regions, rng.int(1, Math.min(2, regions.length)));
    ctx.stage("discovery", () => {
      // Checker scripts ask about logging and about models in either order.
      const logging = () => {
        for (const region of loggingRegions) checker.call("bedrock:GetModelInvocationLoggingConfiguration", step(3), { region });
      };
      const availability = () => {
        for (const region of regions) {
          if (rng.chance(0.6)) checker.call("bedrock:ListFoundationModels", step(2), { region });
          for (const modelId of rng.sample(models, rng.int(1, 4))) checker.call("bedrock:GetFoundationModelAvailability", step(1), { region, args: { modelId } });
        }
      };
      for (const check of rng.sample([logging, availability], 2)) check();
      // An invocation with an invalid parameter proves access without paying for tokens.
      if (rng.chance(0.5)) {
        for (const region of rng.sample(regions, rng.int(1, 2))) checker.call("bedrock:InvokeModel", step(2), { region, args: { modelId: rng.pick(models.slice(0, 4)) }, error: "ValidationException" });
      }
    });

    if (rng.chance(0.35)) {
      pause(5, 600);
      ctx.stage("defense-evasion", () => {
        for (const region of loggingRegions) checker.call("bedrock:DeleteModelInvocationLoggingConfiguration", step(4), { region });
      });
    }

    // The proxy runs elsewhere (usually a VPS) with its own SDK, on the regions and models that worked.
    const proxyOrigin = rng.chance(0.4) ? checkerOrigin : ctx.origin(rng.pick(["vps", "vps", "vpn"] as const));
    const proxy = ctx.as(victim, proxyOrigin, rng.pick(["boto3", "go-sdk"] as const));
    const served = rng.sample(regions, rng.int(1, Math.min(2, regions.length)));
    const favourites = rng.sample(models.slice(0, 5), rng.int(1, 3));
    clock.now = Math.min(clock.now + rng.between(60, 6 * 3600) * 1000, deadline - 3600_000);
    ctx.stage("impact", () => {
      const bursts = rng.int(3, 12);
      for (let b = 0; b < bursts && clock.now < deadline; b++) {
        const streaming = rng.chance(0.5);
        const calls = Math.max(3, Math.round(rng.logNormal(30, 0.7)));
        for (let i = 0; i < calls && clock.now < deadline; i++) {
          proxy.call(streaming && rng.chance(0.85) ? "bedrock:InvokeModelWithResponseStream" : "bedrock:InvokeModel", clock.now, { region: rng.pick(served), args: { modelId: rng.pick(favourites) } });
          step(rng.pick([2, 5, 15]));
        }
        pause(300, 2.5 * 3600);
      }
    });
  },
});
