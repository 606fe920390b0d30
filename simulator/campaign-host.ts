/**
 * An attacker's foothold on an EC2 instance: processes it runs, names it resolves and connections
 * it opens become host observations, and the ids of the records they will produce (runtime uid,
 * resolver query id, flow record ids of both directions) are known at once, for truth.
 */
import type { Instance } from "../schema/inventory.ts";
import type { HostActor } from "../scenarios/define.ts";
import { resolverQueryId } from "../schema/route53.ts";
import { flowRecordId } from "../schema/vpcflow.ts";
import { isoSeconds } from "./clock.ts";
import { resolveName, type HostEvent, type HostProcess } from "./host.ts";
import type { Rng } from "./rng.ts";

/** A foothold on `instance`; observations go to `sink`. */
export function foothold(instance: Instance, accountId: string, rng: Rng, sink: (e: HostEvent) => void): HostActor {
  const processes = new Map<string, HostProcess>();
  const proc = (cmdLine: string, user = "app", parent?: string): HostProcess => {
    let p = processes.get(cmdLine);
    if (!p) {
      const path = cmdLine.split(" ")[0]!;
      p = { pid: rng.int(2000, 60000), name: path.split("/").pop()!, path: path.startsWith("/") ? path : `/usr/bin/${path}`, cmdLine, user, ...(parent ? { parent: { pid: rng.int(300, 1999), name: parent } } : {}) };
      processes.set(cmdLine, p);
    }
    return p;
  };
  let lastProcess = "java -Xmx2g -jar /opt/app/service.jar";
  return {
    run(time, cmdLine, opts = {}) {
      const uid = rng.uuid();
      lastProcess = cmdLine;
      sink({ kind: "process", time, accountId, instance, uid, process: proc(cmdLine, opts.user ?? "app", opts.parent ?? "bash") });
      return [uid];
    },
    write(time, path, opts = {}) {
      const uid = rng.uuid();
      sink({ kind: "file", time, accountId, instance, uid, path, activity: opts.activity ?? "Create", process: proc(opts.process ?? lastProcess) });
      return [uid];
    },
    resolve(time, name, opts = {}) {
      const answers = opts.nxdomain ? [] : (opts.answers ?? resolveName(name));
      const srcPort = rng.int(32768, 60999);
      const uid = rng.uuid();
      sink({ kind: "dns", time, accountId, instance, uid, name, type: "A", answers, rcode: opts.nxdomain ? "NXDOMAIN" : "NOERROR", srcPort, process: proc(opts.process ?? lastProcess) });
      const dnsId = resolverQueryId({ vpc_id: instance.vpcId, query_timestamp: isoSeconds(time), srcaddr: instance.privateIp, srcport: String(srcPort), query_name: `${name}.`, query_type: "A" });
      return { answers, ids: [dnsId, uid] };
    },
    connect(time, ip, port, opts = {}) {
      const localPort = rng.int(32768, 60999);
      const protocol = opts.udp ? 17 : 6;
      const uid = rng.uuid();
      sink({ kind: "connect", time, accountId, instance, uid, direction: "egress", peerIp: ip, peerPort: port, localPort, protocol, bytesOut: opts.bytesOut ?? rng.int(200, 5000), bytesIn: opts.bytesIn ?? rng.int(200, 5000), process: proc(opts.process ?? lastProcess), ...(opts.hostname ? { hostname: opts.hostname } : {}) });
      // Link-local traffic (the metadata service) never reaches VPC Flow Logs.
      if (ip.startsWith("169.254.")) return [uid];
      // A flow record starts at its first packet: this connection's, as its 5-tuple is new.
      const start = Math.floor(time / 1000);
      const eni = instance.networkInterfaceId;
      return [
        uid,
        flowRecordId({ "interface-id": eni, start, srcaddr: instance.privateIp, srcport: localPort, dstaddr: ip, dstport: port, protocol }),
        flowRecordId({ "interface-id": eni, start, srcaddr: ip, srcport: port, dstaddr: instance.privateIp, dstport: localPort, protocol }),
      ];
    },
  };
}
