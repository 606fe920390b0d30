import { describe, expect, it } from "vitest";
import marker from "./persistence.ts";
import { candidate, context, signal } from "./testing.ts";

const ctx = context();

describe("persistence", () => {
  it("fires on a new user and keys for it, naming the user", () => {
    const c = candidate([
      signal({ tactic: "TA0003", technique: "T1136.003", activity: { action: "iam:CreateUser", readOnly: false, request: { userName: "svc-backup2" } } }),
      signal({ tactic: "TA0003", technique: "T1098.001", activity: { action: "iam:CreateAccessKey", readOnly: false, request: { userName: "svc-backup2" } } }),
    ]);
    const f = marker.evaluate(c, ctx)!;
    expect(f.indicators[0]).toEqual({ key: "ATTACK_TACTIC", values: ["TA0003"], title: "Persistence" });
    expect(f.evidence).toBe("footholds created: iam:CreateUser (svc-backup2); iam:CreateAccessKey (svc-backup2)");
  });

  it("fires on a foothold call whatever tactic its signal named, and on a host cron job", () => {
    expect(marker.evaluate(candidate([signal({ tactic: "TA0001", activity: { action: "iam:CreateLoginProfile", readOnly: false, request: { userName: "bob" } } })]), ctx)!.evidence).toContain("iam:CreateLoginProfile (bob)");
    const cron = signal({ tactic: "TA0003", activity: { source: "runtime", action: "process:start", host: { instanceId: "i-0abc12345678", cmdLine: "crontab -l | { cat; echo '* * * * * /tmp/.x'; } | crontab -" } } });
    expect(marker.evaluate(candidate([cron]), ctx)!.evidence).toContain("crontab -l");
  });

  it("does not fire on failed footholds or on other tactics", () => {
    const c = candidate([
      signal({ tactic: "TA0003", activity: { action: "iam:CreateUser", readOnly: false, error: "AccessDenied" } }),
      signal({ tactic: "TA0007", activity: { action: "iam:ListUsers" } }),
    ]);
    expect(marker.evaluate(c, ctx)).toBeUndefined();
  });
});
