/**
 * User agents as AWS tools really send them. A principal's habit is one or two *installations*
 * (tool + version + OS); the AWS CLI v2 then appends the command it runs, as the real CLI does.
 * Browser strings come from Faker, built once per world into a pool.
 */
import { actionName } from "./apis.ts";
import type { Rng } from "./rng.ts";

/** The tool families a caller can use. */
export type Tooling = "console" | "cli" | "boto3" | "java-sdk" | "node-sdk" | "go-sdk" | "terraform";

/** A concrete installation; `forCall` renders the string for one API call. */
export interface UserAgentHabit {
  tooling: Tooling;
  base: string;
  /** Older installations and corporate proxies still negotiate TLS 1.2. */
  tls12?: boolean;
}

const OS_DESKTOP = ["macos#23.4.0 md/arch#arm64", "macos#24.1.0 md/arch#arm64", "linux#6.5.0-35-generic md/arch#x86_64", "windows#10 md/arch#amd64"];
const OS_SERVER = ["linux#5.10.215-203.850.amzn2.x86_64", "linux#6.1.84-99.169.amzn2023.x86_64", "linux#5.15.0-1057-aws"];

/** One installation of a tool, with versions drawn from realistic ranges. */
export function makeUserAgentHabit(tooling: Tooling, rng: Rng, browsers: readonly string[]): UserAgentHabit {
  const habit = installation(tooling, rng, browsers);
  return rng.chance(0.25) ? { ...habit, tls12: true } : habit;
}

function installation(tooling: Tooling, rng: Rng, browsers: readonly string[]): UserAgentHabit {
  const py = `3.${rng.int(9, 12)}.${rng.int(1, 9)}`;
  switch (tooling) {
    case "console":
      return { tooling, base: rng.pick(browsers) };
    case "cli":
      return {
        tooling,
        base: `aws-cli/2.${rng.int(13, 22)}.${rng.int(0, 40)} md/awscrt#0.${rng.int(19, 23)}.${rng.int(0, 20)} ua/2.0 os/${rng.pick(OS_DESKTOP)} lang/python#${py} md/pyimpl#CPython cfg/retry-mode#standard md/installer#${rng.pick(["exe", "source", "docker"])} md/prompt#off`,
      };
    case "boto3": {
      const v = `1.34.${rng.int(10, 160)}`;
      return {
        tooling,
        base: `Boto3/${v} md/Botocore#${v} ua/2.0 os/${rng.pick(OS_SERVER)} md/arch#x86_64 lang/python#${py} md/pyimpl#CPython cfg/retry-mode#legacy Botocore/${v}`,
      };
    }
    case "java-sdk":
      return {
        tooling,
        base: `aws-sdk-java/2.25.${rng.int(0, 70)} Linux/${rng.pick(OS_SERVER).split("#")[1]} OpenJDK_64-Bit_Server_VM/17.0.${rng.int(8, 12)}+7-LTS Java/17.0.${rng.int(8, 12)} vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy`,
      };
    case "node-sdk":
      return {
        tooling,
        base: `aws-sdk-js/3.${rng.int(500, 650)}.0 ua/2.0 os/${rng.pick(OS_SERVER)} lang/js md/nodejs#20.${rng.int(9, 18)}.${rng.int(0, 3)}`,
      };
    case "go-sdk":
      return { tooling, base: `aws-sdk-go-v2/1.${rng.int(24, 32)}.${rng.int(0, 9)} os/linux lang/go#1.22.${rng.int(0, 6)} md/GOOS#linux md/GOARCH#amd64` };
    case "terraform":
      return {
        tooling,
        base: `APN/1.0 HashiCorp/1.0 Terraform/1.${rng.int(6, 9)}.${rng.int(0, 5)} (+https://www.terraform.io) terraform-provider-aws/5.${rng.int(40, 80)}.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64`,
      };
  }
}

/** The user agent of one call: the CLI appends `md/command#service.operation`. */
export function userAgentForCall(habit: UserAgentHabit, service: string, eventName: string): string {
  if (habit.tooling !== "cli") return habit.base;
  return `${habit.base} md/command#${service}.${kebab(eventName)}`;
}

const kebabCache = new Map<string, string>();
function kebab(name: string): string {
  let out = kebabCache.get(name);
  if (out === undefined) {
    out = actionName(name).replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
    kebabCache.set(name, out);
  }
  return out;
}
