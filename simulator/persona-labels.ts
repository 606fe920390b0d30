/**
 * Persona labels for truth: which benign persona each identity of the estate belongs to, keyed
 * the ways an identity shows in CloudTrail and in findings, so reports can say which kind of
 * legitimate user a false positive fell on. Only truth carries them; no event does.
 */
import type { SimPrincipal, World } from "./world-types.ts";

/** The path CloudTrail shows in an SSO permission-set role's ARN. */
const SSO_ROLE_PATH = "/aws-reserved/sso.amazonaws.com/";

/**
 * Identity key → persona id for every principal of `world`: IAM user ARNs and their long-term
 * access key ids, role ARNs (with the path CloudTrail writes in `sessionIssuer.arn`), assumed-role
 * ARNs of sessions with a fixed name, AWS service principals, instance ids and `anonymous`. A key
 * shared by principals of different personas (a role several personas assume) names none of them
 * and is left out. Keys are sorted, so the output is the same bytes for the same world.
 */
export function personaLabels(world: World): Record<string, string> {
  const personas = new Map<string, Set<string>>();
  for (const p of world.principals) {
    for (const key of identityKeys(p)) {
      const set = personas.get(key) ?? new Set<string>();
      set.add(p.persona);
      personas.set(key, set);
    }
  }
  const labels = [...personas].filter(([, set]) => set.size === 1).map(([key, set]): [string, string] => [key, [...set][0]!]);
  return Object.fromEntries(labels.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every key under which `p` shows in a trail or a finding. */
function identityKeys(p: SimPrincipal): string[] {
  switch (p.identity) {
    case "iam-user":
      return [p.inventory.arn, ...(p.accessKeyId ? [p.accessKeyId] : [])];
    case "anonymous":
      return ["anonymous"];
    case "aws-service":
      return [p.serviceName!, ...(p.roleName ? roleKeys(p.inventory.arn, p.sessionName) : [])];
    case "sso":
      return [p.account.id, ...p.otherAccounts.map((a) => a.id)].flatMap((accountId) => {
        const name = accountId === p.account.id ? p.roleName! : p.rolesIn[accountId]!.name;
        return roleKeys(`arn:aws:iam::${accountId}:role${SSO_ROLE_PATH}${name}`, p.sessionName);
      });
    default:
      return [
        ...roleKeys(p.inventory.arn, p.sessionName),
        ...(p.instance ? [p.instance.id] : []),
        ...Object.entries(p.rolesIn).map(([accountId, role]) => `arn:aws:iam::${accountId}:role/${role.name}`),
      ];
  }
}

/** A role's ARN and, when its sessions have a fixed name, the assumed-role ARN they act as. */
function roleKeys(roleArn: string, sessionName: string | undefined): string[] {
  if (sessionName === undefined) return [roleArn];
  const [, , , , accountId, resource] = roleArn.split(":");
  const name = resource!.slice(resource!.lastIndexOf("/") + 1);
  return [roleArn, `arn:aws:sts::${accountId}:assumed-role/${name}/${sessionName}`];
}
