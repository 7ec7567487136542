// Validates every Istio and Gateway API object of a render (default out/dev/kubernetes) against the OpenAPI
// schemas of the CRDs, as packaged by @kubernetes-models. Kinds with no published schema here are counted and
// listed, never silently passed. Usage: node validate.mjs [render-dir]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";

const dir = process.argv[2] ?? "../../out/dev/kubernetes";
const packages = {
  "security.istio.io": "@kubernetes-models/istio",
  "networking.istio.io": "@kubernetes-models/istio",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

let valid = 0;
let invalid = 0;
const unchecked = new Map();
for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
  if (file === "helm-releases.yaml" || file === "remote-manifests.yaml") continue;
  for (const doc of yaml.loadAll(readFileSync(join(dir, file), "utf8"))) {
    if (!doc?.apiVersion) continue;
    const group = doc.apiVersion.includes("/") ? doc.apiVersion.split("/")[0] : "";
    const pkg = packages[group];
    if (!pkg) {
      if (group.includes(".") && !group.endsWith("k8s.io")) {
        const key = `${doc.apiVersion}/${doc.kind}`;
        unchecked.set(key, (unchecked.get(key) ?? 0) + 1);
      }
      continue;
    }
    const module = await import(`${pkg}/${doc.apiVersion}/${doc.kind}`);
    const Model = module[doc.kind] ?? module.default;
    try {
      new Model(doc).validate();
      valid++;
    } catch (e) {
      invalid++;
      console.log(`INVALID ${file} ${doc.kind}/${doc.metadata?.name}: ${e.message}`);
    }
  }
}
for (const [kind, count] of unchecked) console.log(`not validated (no schema here): ${count} ${kind}`);
console.log(`schema: ${valid} passed, ${invalid} failed`);
process.exit(invalid === 0 ? 0 : 1);
