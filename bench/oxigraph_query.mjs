// Loads an N-Triples file (plain or .gz) into Oxigraph's in-memory store,
// then runs each SPARQL query of QUERIES (lines "name<TAB>query") RUNS times
// after a warm-up (below), printing: name, median ms, min ms, rows, median
// CPU ms (process.cpuUsage: the process's user + system time).
//   node bench/oxigraph_query.mjs [--serve] FILE QUERIES RUNS
// Each run is timed around store.query(), which parses, plans, evaluates and
// returns every solution as JavaScript terms: the counterpart of kg's timing
// of Engine::RunText (bench/query_bench.cc). Neither side prints the rows.
// --serve takes turns with kg as kg_query_bench --serve does: "ready" once
// loaded, then a query name per input line, answered with "done" after RUNS
// runs; the lines above, over all runs, at the end of the input.
import fs from "node:fs";
import readline from "node:readline";
import { loadNTriples } from "./oxigraph_store.mjs";

const args = process.argv.slice(2);
const serve = args[0] === "--serve";
const [file, queriesFile, runsArg] = serve ? args.slice(1) : args;
const runs = Number(runsArg);
const store = await loadNTriples(file);

const queries = [];
for (const line of fs.readFileSync(queriesFile, "utf8").split("\n")) {
  const tab = line.indexOf("\t");
  if (!line || line.startsWith("#") || tab < 0) continue;
  const [name, query] = [line.slice(0, tab), line.slice(tab + 1)];
  queries.push({ name, query, times: [], cpuTimes: [], rows: 0 });
}

// Runs q untimed until 100 ms have passed (at least once), then RUNS times
// timed, as kg_query_bench does.
function run(q) {
  const once = () => {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const result = store.query(q.query);
    q.rows = Array.isArray(result) ? result.length : 1;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpuStart);
    return [ms, (cpu.user + cpu.system) / 1e3];
  };
  for (let warmed = 0; warmed < 100; ) warmed += once()[0];
  for (let i = 0; i < runs; i++) {
    const [ms, cpu] = once();
    q.times.push(ms);
    q.cpuTimes.push(cpu);
  }
}

function report(q) {
  if (!q.times.length) return;
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const times = sorted(q.times);
  const cpu = sorted(q.cpuTimes);
  const mid = (xs) => xs[Math.floor(xs.length / 2)];
  console.log(
    `${q.name}\t${mid(times).toFixed(3)}\t${times[0].toFixed(3)}\t${q.rows}\t${mid(cpu).toFixed(3)}`,
  );
}

if (!serve) {
  for (const q of queries) {
    run(q);
    report(q);
  }
} else {
  console.log("ready");
  for await (const name of readline.createInterface({ input: process.stdin })) {
    const q = queries.find((x) => x.name === name);
    if (!q) {
      console.error(`oxigraph_query.mjs: no query named '${name}' in ${queriesFile}`);
      process.exit(2);
    }
    run(q);
    console.log("done");
  }
  for (const q of queries) report(q);
}
