import { defineScenario } from "./define.ts";
import { MINUTE, nextLocalHour } from "./time.ts";


/** Text models a developer tries first. */
const MODELS = [
  "anthropic.claude-3-haiku-20240307-v1:0",
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-3-sonnet-20240229-v1:0",
  "amazon.titan-text-express-v1",
  "meta.llama3-8b-instruct-v1:0",
  "mistral.mistral-7b-instruct-v0:2",
];

/** Regions where those models are served on demand. */
const BEDROCK_REGIONS = ["us-east-1", "us-west-2", "eu-central-1", "eu-west-1", "ap-northeast-1"];


/**
 * Benign look-alike: a developer tries Amazon Bedrock for the first time, during their working
 * day: lists the foundation models, checks the availability of a few and the account's invocation
 * logging settings, then sends a few dozen prompts from the console playground or a first script,
 * in short bursts over an hour or two. Model discovery, a logging-configuration check and
 * InvokeModel from a principal that never used Bedrock: the opening moves of LLM hijacking,
 * without the thousands of calls.
 */
export default defineScenario({
  id: "developer-first-bedrock",
  title: "Developer's first legitimate use of Bedrock",
  kind: "benign",
  description:
    "A developer signed in through IAM Identity Center, from a usual network, in office hours: ListFoundationModels, GetFoundationModelAvailability for one to four models, GetModelInvocationLoggingConfiguration, then twenty to sixty InvokeModel and InvokeModelWithResponseStream calls on one to three models, in bursts as they refine prompts, from their usual tool or a freshly installed SDK, in their home region or a region that serves the model.",
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/getting-started.html (Amazon Bedrock: getting started, model catalog and playgrounds)",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html (Amazon Bedrock: access to foundation models)",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html (Amazon Bedrock: CloudTrail records of Bedrock API calls)",
    "https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/ (Sysdig, LLMjacking: the attack whose opening calls these resemble)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 30,
  stages: [
    { id: "model-discovery", tactic: "TA0007", technique: "T1526", description: "foundation models listed, availability of a few checked, invocation logging settings read" },
    { id: "first-invocations", tactic: "TA0040", technique: "T1496", description: "a few dozen prompts in bursts to one to three models" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const dev = rng.pick(ctx.principals({ persona: "developer", accountKind: ["prod", "staging", "dev", "shared-services"] }));
    ctx.actor(dev.arn);
    const account = ctx.inventory.accounts.find((a) => a.id === dev.accountId)!;
    // Their home region when it serves the models; else the region of the getting-started guide.
    const region = BEDROCK_REGIONS.includes(account.regions[0]!) && rng.chance(0.7) ? account.regions[0]! : rng.pick(["us-east-1", "us-west-2"]);
    const ip = ctx.origin("habitual", dev);
    let t = nextLocalHour(ctx.start, rng.between(9.5, 16), dev.utcOffset) + rng.int(0, 59) * 1000;
    const step = (meanSeconds: number) => (t += rng.exponential(meanSeconds) * 1000 + 1000);
    const explorer = ctx.as(dev, ip, "habitual", t);
    const candidates = rng.sample(MODELS, rng.int(1, 4));

    ctx.stage("model-discovery", () => {
      if (dev.tooling === "console") explorer.call("signin:ConsoleLogin", t - rng.between(5, 60) * 1000, { args: { mfa: false }, error: false });
      explorer.call("bedrock:ListFoundationModels", t, { region });
      if (rng.chance(0.4)) explorer.call("bedrock:ListFoundationModels", step(30), { region });
      for (const modelId of candidates) explorer.call("bedrock:GetFoundationModelAvailability", step(20), { region, args: { modelId } });
      explorer.call("bedrock:GetModelInvocationLoggingConfiguration", step(60), { region });
    });
    t += rng.between(1, 20) * MINUTE;

    // Prompts in the console playground (streamed), or from a first script with a new SDK install.
    const scripted = dev.tooling !== "console" || rng.chance(0.4);
    const invoker = scripted && dev.tooling === "console" ? ctx.as(dev, ip, "boto3", t) : explorer;
    const models = rng.sample(candidates, rng.int(1, Math.min(3, candidates.length)));
    ctx.stage("first-invocations", () => {
      let left = rng.int(20, 60);
      while (left > 0) {
        // A burst of a few prompts, then reading the answers, editing the prompt or the code.
        const modelId = rng.pick(models);
        for (let k = Math.min(left, rng.int(1, 6)); k > 0; k--, left--) {
          const api = scripted ? (rng.chance(0.7) ? "bedrock:InvokeModel" : "bedrock:InvokeModelWithResponseStream") : "bedrock:InvokeModelWithResponseStream";
          invoker.call(api, step(scripted ? 8 : 40), { region, args: { modelId } });
        }
        t += rng.between(1, 12) * MINUTE;
      }
    });
  },
});
