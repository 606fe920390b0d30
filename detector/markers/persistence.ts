/**
 * Persistence: the sequence leaves a way back in — new users, access keys, console passwords,
 * federation tokens, role trust changes, cron jobs on hosts (Persistence, TA0003, or the IAM
 * calls that create such footholds).
 */
import { defineMarker } from "../marker.ts";
import { shortName, succeeded } from "./calls.ts";
import { listOf } from "./evidence.ts";

// IAM calls that create a foothold, whatever tactic the signal named.
const FOOTHOLDS = new Set([
  "iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:UpdateAssumeRolePolicy",
  "iam:CreateRole", "iam:AddUserToGroup", "sts:GetFederationToken", "iam:CreateServiceSpecificCredential", "iam:UploadSSHPublicKey",
  "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "ec2:CreateKeyPair", "ec2:ImportKeyPair", "lambda:AddPermission",
]);

export default defineMarker({
  id: "persistence",
  title: "Persistence established",
  weight: 2,
  indicatorKeys: ["ATTACK_TACTIC", "ATTACK_TECHNIQUE"],
  evaluate(candidate) {
    const footholds = new Set<string>();
    const techniques = new Set<string>();
    for (const s of candidate.signals) {
      const a = s.activity;
      if (!succeeded(a) || (s.tactic !== "TA0003" && !FOOTHOLDS.has(a.action))) continue;
      const target = typeof a.request?.["userName"] === "string" ? a.request["userName"] : typeof a.request?.["roleName"] === "string" ? a.request["roleName"] : a.resources[0];
      const what = a.host?.cmdLine ? `${a.action} \`${a.host.cmdLine.slice(0, 80)}\`` : target ? `${a.action} (${shortName(String(target))})` : a.action;
      footholds.add(what);
      if (s.technique) techniques.add(s.technique);
    }
    if (footholds.size === 0) return undefined;
    const indicators = [{ key: "ATTACK_TACTIC", values: ["TA0003"], title: "Persistence" }];
    if (techniques.size) indicators.push({ key: "ATTACK_TECHNIQUE", values: [...techniques], title: "Persistence techniques" });
    return {
      indicators,
      evidence: `footholds created: ${listOf(footholds, 5, "; ")}`,
      weight: 2 * Math.min(2, 1 + 0.25 * (footholds.size - 1)),
    };
  },
});
