// Loads an N-Triples file (plain or .gz) into Oxigraph's in-memory store,
// then runs each SPARQL query of QUERIES (lines "name<TAB>query") RUNS times
// after one warm-up run, printing: name, median ms, min ms, rows, median
// CPU ms (process.cpuUsage: the process's user + system time).
//   node bench/oxigraph_query.mjs FILE QUERIES RUNS
// Each run is timed around store.query(), which parses, plans, evaluates and
// returns every solution as JavaScript terms: the counterpart of kg's timing
// of Engine::RunText (bench/query_bench.cc). Neither side prints the rows.
import fs from "node:fs";
import { loadNTriples } from "./oxigraph_store.mjs";

const [file, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const store = await loadNTriples(file);

for (const line of fs.readFileSync(queriesFile, "utf8").split("\n")) {
  const tab = line.indexOf("\t");
  if (!line || line.startsWith("#") || tab < 0) continue;
  const name = line.slice(0, tab);
  const query = line.slice(tab + 1);
  const times = [];
  const cpuTimes = [];
  let rows = 0;
  for (let i = 0; i <= runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const result = store.query(query);
    rows = Array.isArray(result) ? result.length : 1;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpuStart);
    if (i > 0) {
      times.push(ms);
      cpuTimes.push((cpu.user + cpu.system) / 1e3);
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const wall = median(times);
  console.log(
    `${name}\t${wall.toFixed(3)}\t${times[0].toFixed(3)}\t${rows}\t${median(cpuTimes).toFixed(3)}`,
  );
}
