// Worker threads cannot take tsx's --import flag on Node 20: register the TypeScript loader here,
// then load the real worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
