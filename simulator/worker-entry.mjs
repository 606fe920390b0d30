// Worker threads cannot take tsx's --import flag on Node 20: register the TypeScript loader here,
// then load the worker module named in workerData.module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
