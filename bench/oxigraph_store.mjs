// Shared by the Oxigraph benchmark scripts: loads an N-Triples file (plain or
// .gz) into Oxigraph, the npm package's in-memory store (the JavaScript
// build has no on-disk store), feeding it in chunks of whole lines so files
// larger than a JavaScript string still load.
// `unchecked` is set because Oxigraph otherwise rejects three IRIs of the
// DBpedia links file (they hold \uFFFD); it also skips validation work.
import fs from "node:fs";
import zlib from "node:zlib";
import oxigraph from "oxigraph";

export async function loadNTriples(file) {
  const store = new oxigraph.Store();
  let input = fs.createReadStream(file, { highWaterMark: 1 << 22 });
  if (file.endsWith(".gz")) input = input.pipe(zlib.createGunzip());
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
  return store;
}
