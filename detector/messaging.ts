/**
 * SES and SNS calls that matter for spam and phishing: what a sender needs set up (identities,
 * sending switched on, SMS defaults) and what a spammer probes first (quotas, account status,
 * identities, SMS settings). Shared by the messaging-abuse signal and the messaging-hijack marker
 * so both mean the same calls.
 */
import { apiToken } from "./tokens.ts";

// A new SNS topic is everyday plumbing (alarms, fan-out) for admins and pipelines, not a sign of abuse.
const SETUP = new Set([
  "ses:VerifyEmailIdentity", "ses:VerifyDomainIdentity", "ses:CreateEmailIdentity", "ses:UpdateAccountSendingEnabled", "ses:PutAccountSendingAttributes",
  "ses:PutAccountDetails", "sns:SetSMSAttributes", "sns:CreateSMSSandboxPhoneNumber",
]);
const PROBES = new Set(["ses:GetSendQuota", "ses:GetAccount", "ses:GetAccountSendingEnabled", "ses:ListIdentities", "ses:ListEmailIdentities", "sns:GetSMSAttributes", "sns:GetSMSSandboxAccountStatus"]);

/** Every call above: the set-up calls and the probes. */
export const MESSAGING_CALLS: readonly string[] = [...SETUP, ...PROBES];

/** Whether the call sets up mail or SMS sending. */
export function isMessagingSetup(action: string): boolean {
  return SETUP.has(action);
}

/** Whether the call probes sending limits, status or identities. */
export function isMessagingProbe(action: string): boolean {
  return PROBES.has(action);
}

const SETUP_TOKENS = [...SETUP].map((action) => apiToken(action));

/** Whether a history's behaviour tokens (see tokens.ts) hold any sending set-up call: the actor sets up sending as part of its work. */
export function setsUpSending(tokens: ReadonlyMap<string, number> | undefined): boolean {
  return tokens !== undefined && SETUP_TOKENS.some((t) => tokens.has(t));
}
