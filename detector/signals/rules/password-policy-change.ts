import { defineSignal } from "../define.ts";
import { attackIndicators, field, indicator } from "../helpers.ts";

/** The account password policy deleted or weakened (shorter than 14 characters, or a character class no longer required). */
export default defineSignal({
  id: "password-policy-change",
  type: "Stealth:IAMUser/PasswordPolicyChange",
  foundational: true,
  sources: ["cloudtrail"],
  actions: ["iam:DeleteAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy"],
  severity: 2,
  tactic: "TA0005",
  technique: "T1562.001",
  observe(a) {
    let what: string | undefined;
    if (a.action === "iam:DeleteAccountPasswordPolicy") what = "deleted the account password policy";
    else {
      const length = Number(field(a.request, "minimumPasswordLength") ?? 0);
      const relaxed = ["requireSymbols", "requireNumbers", "requireUppercaseCharacters", "requireLowercaseCharacters"].filter((k) => field(a.request, k) === false);
      if (length >= 14 && relaxed.length === 0) return undefined;
      what = `set the password policy to minimum length ${length || "unset"}${relaxed.length ? `, no longer ${relaxed.join(", ")}` : ""}`;
    }
    return {
      indicators: [indicator("HIGH_RISK_API", [a.action]), ...attackIndicators("TA0005", "T1562.001")],
      evidence: `${a.actor} ${what}.`,
    };
  },
});
