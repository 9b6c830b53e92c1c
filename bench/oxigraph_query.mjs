// Loads an N-Triples file into Oxigraph (the npm package's in-memory store),
// then runs each SPARQL query of QUERIES (lines "name<TAB>query") RUNS times
// after one warm-up run, printing: name, median ms, min ms, rows.
//   node bench/oxigraph_query.mjs FILE QUERIES RUNS
import fs from "node:fs";
import oxigraph from "oxigraph";

const [file, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const store = new oxigraph.Store();
const input = fs.createReadStream(file, { highWaterMark: 1 << 22 });
input.setEncoding("utf8");
let pending = "";
const load = (text) =>
  store.load(text, { format: "application/n-triples", unchecked: true, no_transaction: true });
for await (const chunk of input) {
  pending += chunk;
  if (pending.length >= 1 << 24) {
    const cut = pending.lastIndexOf("\n") + 1;
    load(pending.slice(0, cut));
    pending = pending.slice(cut);
  }
}
if (pending.length) load(pending);

for (const line of fs.readFileSync(queriesFile, "utf8").split("\n")) {
  const tab = line.indexOf("\t");
  if (!line || line.startsWith("#") || tab < 0) continue;
  const name = line.slice(0, tab);
  const query = line.slice(tab + 1);
  const times = [];
  let rows = 0;
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const result = store.query(query);
    rows = Array.isArray(result) ? result.length : 1;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}\t${times[Math.floor(times.length / 2)].toFixed(3)}\t${times[0].toFixed(3)}\t${rows}`);
}
