// Loads an N-Triples file (plain or .gz) into Oxigraph's in-memory store and
// says how long it took (bench/oxigraph_store.mjs does the loading).
//   node bench/oxigraph_load.mjs FILE
// Prints one JSON line: {"triples": N, "seconds": S}.
import { loadNTriples } from "./oxigraph_store.mjs";

const start = process.hrtime.bigint();
const store = await loadNTriples(process.argv[2]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ triples: store.size, seconds }));
