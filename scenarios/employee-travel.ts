import { defineScenario } from "./define.ts";
import { MINUTE, HOUR, DAY, nextLocalHour } from "./time.ts";


/** Time zones of places people travel to for work (hours from UTC). */
const DESTINATION_OFFSETS = [-8, -5, -3, 0, 1, 2, 5.5, 8, 9];



/**
 * Benign look-alike: an employee works abroad for a few days (a conference, a customer visit,
 * family). Same identity, same laptop and tools, same APIs at the same volume, but from a hotel
 * or rented flat's broadband in another country, now and then through a commercial VPN, at the
 * working hours of another time zone. New country, new ASN, shifted hours: an "unusual network
 * for user" alarm, nothing else.
 */
export default defineScenario({
  id: "employee-travel",
  title: "Employee works from abroad for a few days",
  kind: "benign",
  description:
    "A developer or data analyst signs in through IAM Identity Center with their usual tool from residential networks of another country (hotel, rented flat, coworking), sometimes a commercial VPN or the corporate VPN, for two to four working days at the destination's office hours, making their persona's usual calls at their usual volume.",
  references: [
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html (GuardDuty IAM findings: anomalous behaviour from an unusual location or ASN for the user)",
    "https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html (IAM Identity Center: sign-in sessions, re-authentication on each new day)",
    "https://docs.paloaltonetworks.com/cortex/cortex-xdr/cortex-xdr-analytics-alert-reference/cortex-xdr-analytics-alert-reference/impossible-traveler---sso (Cortex XDR 'Impossible traveler - SSO': check VPN use and travel before calling it a compromise)",
    "https://www.bitlyftair.ai/blog/impossible-travel-risky-sign-ins-automated-triage (BitLyft: most impossible-travel alerts come from VPNs, mobile networks and legitimate travel)",
  ],
  expectedSequenceType: null,
  maxDurationHours: 112,
  stages: [
    { id: "first-session", tactic: "TA0001", technique: "T1078.004", description: "first sign-in and calls from the new country's network" },
    { id: "remote-work", tactic: "TA0007", technique: "T1580", description: "the usual List/Describe/Get and query calls for the rest of the trip" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const traveller = rng.pick(ctx.principals({ persona: ["developer", "data-analyst"] }));
    ctx.actor(traveller.arn);
    // Their own habit: most of the persona's calls, with personal preferences.
    // Abroad they make their own everyday calls.
    const habit = ctx.habitualCalls(traveller);
    const dailyMedian = traveller.persona === "data-analyst" ? 140 : 120;

    // Networks abroad: broadband on another ISP than any of their usual ones (another first octet).
    const usual = new Set(Array.from({ length: 16 }, () => ctx.origin("habitual", traveller).split(".")[0]));
    const abroad = () => {
      let ip = ctx.origin("residential");
      for (let i = 0; i < 8 && usual.has(ip.split(".")[0]); i++) ip = ctx.origin("residential");
      return ip;
    };
    const networks = rng.chance(0.5) ? [abroad(), abroad()] : [abroad()];
    const commercialVpn = rng.chance(0.3) ? ctx.origin("vpn") : undefined;
    const offsets = DESTINATION_OFFSETS.filter((o) => Math.abs(o - traveller.utcOffset) >= 3);
    const offset = rng.pick(offsets.length > 0 ? offsets : DESTINATION_OFFSETS);

    const days = rng.int(2, 4);
    const firstMorning = nextLocalHour(ctx.start, rng.between(8.5, 10.5), offset);
    // The first few calls of the trip make the first session; everything after is remote work.
    let firstCalls = rng.int(3, 10);
    for (let day = 0; day < days; day++) {
      if (day > 0 && rng.chance(0.1)) continue;
      let sessionStart = day === 0 ? firstMorning : nextLocalHour(firstMorning + day * DAY - 2 * HOUR, rng.between(8.5, 10.5), offset);
      const dayEnd = sessionStart + rng.between(7.5, 9.5) * HOUR;
      const total = Math.round(rng.logNormal(dailyMedian, 0.4));
      const sessions = rng.int(1, 3);
      for (let s = 0; s < sessions && sessionStart < dayEnd; s++) {
        // The corporate VPN egresses from the office; a commercial VPN from a hosting range.
        const ip = rng.chance(0.2) && firstCalls === 0 ? ctx.origin("habitual", traveller) : commercialVpn && rng.chance(0.3) ? commercialVpn : rng.pick(networks);
        const caller = ctx.as(traveller, ip, "habitual", sessionStart);
        const duration = rng.between(15, 150) * MINUTE;
        const minCalls = firstCalls + 5;
        const count = Math.max(minCalls, Math.round(total / sessions));
        let t = sessionStart;
        for (let i = 0; i < count && (i < minCalls || t < sessionStart + duration + 30 * MINUTE); i++) {
          // Bursty: clicks and scripted loops, then reading and thinking.
          t += Math.min(rng.exponential(rng.chance(0.7) ? duration / count / 4 : (duration / count) * 2.5), 20 * MINUTE) + 500;
          const first = firstCalls > 0;
          const inConsole = traveller.tooling === "console";
          const api = first && i === 0 && !inConsole ? "sts:GetCallerIdentity" : rng.weighted(habit.map((h) => h[0]), habit.map((h) => h[1]));
          ctx.stage(first ? "first-session" : "remote-work", () => {
            // Each console session starts with a federated sign-in (MFA happened at the identity provider).
            if (i === 0 && inConsole) caller.call("signin:ConsoleLogin", sessionStart, { args: { mfa: false }, error: false });
            caller.call(api, t);
          });
          if (first) firstCalls--;
        }
        sessionStart = t + rng.between(20, 120) * MINUTE;
      }
    }
  },
});
