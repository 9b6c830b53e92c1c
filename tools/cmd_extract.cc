// kg extract, kg ingest, kg eval: documents in, triples with evidence out.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "kg/vocab.h"
#include "parsers/document_reader.h"
#include "parsers/extractor.h"
#include "parsers/ordered_extraction.h"
#include "parsers/scorer.h"
#include "parsers/text.h"
#include "tools/cli.h"
#include "tools/progress_bar.h"

namespace kg::cli {
namespace {

using parsers::Extraction;
using parsers::SourceDocument;

// One extraction thread per core (at most 8): output keeps input order
// whatever the count, and an ingest's writes overlap with extraction.
int DefaultJobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cores, 1u, 8u));
}

struct ExtractOptions {
  std::vector<std::string> paths;
  std::vector<std::string> lexicon_files;
  std::vector<std::string> rule_files;
  std::string format = "jsonl";
  int jobs = DefaultJobs();
  size_t batch = 1024;  // documents per atomic write (ingest)
  std::string gold;
  double min_f1 = -1;
  bool show_misses = false;
};

void AddCommonOptions(CLI::App* cmd, ExtractOptions* o) {
  cmd->add_option("--lexicon", o->lexicon_files, "extra lexicon JSON file (repeatable)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--rules", o->rule_files, "extra rule file (repeatable)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--jobs,-j", o->jobs, "documents extracted in parallel (default: one per core)")
      ->check(CLI::Range(1, 256));
}

// Reads every input file and extracts it on `jobs` threads; results reach
// `sink` in input order on the calling thread. Read problems are printed
// there too, before the next document's results: the reader runs on its own
// thread, and std::cerr is tied to std::cout, so printing from it would flush
// std::cout under the sink's writes and lose output. Returns false when an
// input had a fatal problem.
class Pipeline {
 public:
  Pipeline(const parsers::ExtractionResources& res, int jobs) : extraction_(res, jobs) {}

  using Sink = parsers::OrderedExtraction::Sink;

  bool Run(const std::vector<std::string>& files, const Sink& sink,
           const std::function<void()>& tick) {
    bool ok = true;
    std::vector<std::string> pending;
    auto problem = [&](const parsers::ReadProblem& p) {
      std::lock_guard<std::mutex> l(err_mu_);
      pending.push_back((p.fatal ? "kg: " : "kg: warning: ") + p.message + "\n");
      if (p.fatal) ok = false;
    };
    auto print_pending = [&] {
      std::vector<std::string> lines;
      {
        std::lock_guard<std::mutex> l(err_mu_);
        lines.swap(pending);
      }
      for (const auto& line : lines) std::cerr << line;
    };
    Run(
        [&](const parsers::DocumentFn& fn) {
          for (const auto& f : files) parsers::ReadFile(f, fn, problem);
        },
        [&](SourceDocument& d, Extraction& x) {
          print_pending();
          sink(d, x);
        },
        tick);
    print_pending();
    std::lock_guard<std::mutex> l(err_mu_);
    return ok;
  }

  void Run(const parsers::OrderedExtraction::Source& source, const Sink& sink,
           const std::function<void()>& tick) {
    extraction_.Run(source, sink, tick);
  }

 private:
  parsers::OrderedExtraction extraction_;
  std::mutex err_mu_;
};

// Counts documents on the progress bar. The total is known when every
// input holds one document or the documents are held in memory; a JSONL file
// holds many, so otherwise the bar counts without a total.
class DocumentProgress {
 public:
  // `shown` is false when the bar would interleave with output on the same
  // terminal.
  DocumentProgress(const std::string& label, size_t total, bool shown = true)
      : bar_(label), total_(total), shown_(shown) {}
  void Tick() {
    ++n_;
    if (!shown_) return;
    bar_.Update(n_, total_, [&] {
      return total_ ? fmt::format("{}/{} documents", n_, total_) : fmt::format("{} documents", n_);
    });
  }
  void Clear() { bar_.Clear(); }

 private:
  ProgressBar bar_;
  size_t total_, n_ = 0;
  bool shown_;
};

// The number of documents in `files`, or 0 when a file may hold several.
size_t KnownDocumentCount(const std::vector<std::string>& files) {
  for (const auto& f : files) {
    if (parsers::HoldsManyDocuments(f)) return 0;
  }
  return files.size();
}

std::unique_ptr<parsers::ExtractionResources> LoadResources(const ExtractOptions& o,
                                                            int* exit_code) {
  parsers::ResourceOptions ro{parsers::FindDataDir(), o.lexicon_files, o.rule_files};
  auto res = parsers::ExtractionResources::Load(ro);
  if (!res.ok()) {
    *exit_code = Fail(res.status());
    return nullptr;
  }
  return std::move(res).value();
}

std::vector<std::string> ListFiles(const ExtractOptions& o, bool* ok) {
  return parsers::ListInputFiles(o.paths, [&](const parsers::ReadProblem& p) {
    std::cerr << (p.fatal ? "kg: " : "kg: warning: ") << p.message << "\n";
    if (p.fatal) *ok = false;
  });
}

std::string JsonLine(const std::string& doc, const parsers::ExtractedTriple& t) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("doc"), w.String(doc.c_str(), doc.size());
  w.Key("s"), w.String(t.s.c_str(), t.s.size());
  w.Key("p"), w.String(t.p.c_str(), t.p.size());
  w.Key("o"), w.String(t.o.c_str(), t.o.size());
  std::string st(parsers::TypeName(t.s_type)), ot(parsers::TypeName(t.o_type));
  w.Key("s_type"), w.String(st.c_str(), st.size());
  w.Key("o_type"), w.String(ot.c_str(), ot.size());
  w.Key("sentence"), w.String(t.sentence.c_str(), t.sentence.size());
  w.Key("sentence_index"), w.Uint(t.sentence_index);
  w.Key("begin"), w.Uint(t.begin);
  w.Key("end"), w.Uint(t.end);
  w.Key("rule"), w.String(t.rule.c_str(), t.rule.size());
  w.Key("confidence"), w.Double(std::round(static_cast<double>(t.confidence) * 100) / 100);
  w.EndObject();
  return buf.GetString();
}

std::string NQuad(const std::string& doc, const parsers::ExtractedTriple& t) {
  return Term::Iri(vocab::EntityIri(t.s)).ToNTriples() + " " +
         Term::Iri(vocab::PredicateIri(t.p)).ToNTriples() + " " +
         Term::Iri(vocab::EntityIri(t.o)).ToNTriples() + " " +
         Term::Iri(std::string(vocab::kDocumentNs) + doc).ToNTriples() + " .";
}

void PrintTable(const std::string& doc, const Extraction& x) {
  size_t ws = 7, wp = 9, wo = 6;
  for (const auto& t : x.triples) {
    ws = std::max(ws, t.s.size());
    wp = std::max(wp, t.p.size());
    wo = std::max(wo, t.o.size());
  }
  ws = std::min<size_t>(ws, 48), wo = std::min<size_t>(wo, 48);
  std::cout << "# " << doc << ": " << x.triples.size() << " triples from " << x.sentences
            << " sentences\n";
  if (x.triples.empty()) return;
  std::cout << fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", "subject", ws, "predicate", wp, "object",
                           wo, "rule");
  for (const auto& t : x.triples)
    std::cout << fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", t.s, ws, t.p, wp, t.o, wo, t.rule);
}

int RunExtract(const ExtractOptions& o) {
  int rc = 0;
  auto res = LoadResources(o, &rc);
  if (!res) return rc;
  bool ok = true;
  auto files = ListFiles(o, &ok);
  DocumentProgress progress("extracting", KnownDocumentCount(files), !IsTerminal(1));
  Pipeline pipe(*res, o.jobs);
  std::ios::sync_with_stdio(false);
  bool read_ok = pipe.Run(
      files,
      [&](SourceDocument& d, Extraction& x) {
        if (o.format == "table") return PrintTable(d.info.id, x);
        std::string out;
        for (const auto& t : x.triples) {
          out += o.format == "nquads" ? NQuad(d.info.id, t) : JsonLine(d.info.id, t);
          out.push_back('\n');
        }
        std::cout << out;
      },
      [&] { progress.Tick(); });
  std::cout.flush();
  return ok && read_ok ? 0 : 1;
}

std::vector<Statement> ToStatements(const Extraction& x) {
  std::vector<Statement> st;
  for (const auto& t : x.triples) {
    Statement s;
    s.s = Term::Iri(vocab::EntityIri(t.s));
    s.p = Term::Iri(vocab::PredicateIri(t.p));
    s.o = Term::Iri(vocab::EntityIri(t.o));
    if (!t.sentence.empty() || t.rule != "lexicon") {
      s.has_evidence = true;
      s.evidence.sentence_index = t.sentence_index;
      s.evidence.begin = t.begin;
      s.evidence.end = t.end;
      s.evidence.sentence = t.sentence;
      s.evidence.rule = t.rule;
      s.evidence.confidence = t.confidence;
    }
    st.push_back(std::move(s));
  }
  for (const auto& e : x.entities) {
    Term iri = Term::Iri(vocab::EntityIri(e.label));
    st.push_back({iri,
                  Term::Iri(std::string(vocab::kRdfType)),
                  Term::Iri(vocab::TypeIri(parsers::TypeName(e.type))),
                  false,
                  {}});
    st.push_back(
        {iri, Term::Iri(std::string(vocab::kRdfsLabel)), Term::Literal(e.label), false, {}});
    for (const auto& a : e.aliases)
      st.push_back(
          {iri, Term::Iri(std::string(vocab::kSkosAltLabel)), Term::Literal(a), false, {}});
    if (!e.wikidata.empty())
      st.push_back({iri,
                    Term::Iri(std::string(vocab::kOwlSameAs)),
                    Term::Iri(std::string(vocab::kWikidataEntityNs) + e.wikidata),
                    false,
                    {}});
  }
  return st;
}

// The lexicon's taxonomy as a document of its own, so part_of paths work.
Extraction LexiconDocument(const parsers::Lexicon& lex) {
  Extraction x;
  x.triples = parsers::LexiconLinks(lex);
  std::map<std::string, parsers::ExtractedEntity> ents;
  for (const auto& t : x.triples) {
    for (const auto& [label, type] : {std::pair{t.s, t.s_type}, std::pair{t.o, t.o_type}}) {
      if (ents.count(label)) continue;
      parsers::ExtractedEntity e{label, type, {}, {}};
      if (auto id = lex.FindLabel(label)) {
        e.aliases = lex.entity(*id).aliases;
        e.wikidata = lex.entity(*id).wikidata;
      }
      ents.emplace(label, std::move(e));
    }
  }
  for (auto& [_, e] : ents) x.entities.push_back(std::move(e));
  return x;
}

// Input text kept in memory between the check and extraction.
constexpr size_t kHeldBytes = 256 << 20;
// Documents per atomic write default to 1024 (ExtractOptions::batch): large
// enough that entities shared by many documents cost one support-list read
// and rewrite per group (64 documents a group cost 20% more CPU over the news
// corpus than 1024). The statement cap keeps a group's batch to some tens of
// MB whatever the documents' size.
constexpr size_t kGroupStatements = 100000;

int RunIngest(const GlobalOptions& g, const ExtractOptions& o) {
  int rc = 0;
  auto res = LoadResources(o, &rc);
  if (!res) return rc;
  bool ok = true;
  auto files = ListFiles(o, &ok);
  // Every input is read and checked before the first write, so bad input
  // leaves the store as it was. The documents read are kept for extraction
  // unless they outgrow kHeldBytes; then the files are read a second time.
  std::vector<SourceDocument> held;
  size_t held_bytes = 0;
  bool holding = true;
  for (const auto& f : files) {
    parsers::ReadFile(
        f,
        [&](SourceDocument d) {
          if (!holding) return;
          held_bytes += d.text.size();
          if (held_bytes > kHeldBytes) {
            holding = false;
            held = {};
            return;
          }
          held.push_back(std::move(d));
        },
        [&](const parsers::ReadProblem& p) {
          if (!p.fatal && !holding) return;  // the second read warns
          std::cerr << (p.fatal ? "kg: " : "kg: warning: ") << p.message << "\n";
          if (p.fatal) ok = false;
        });
  }
  if (!ok) {
    std::cerr << "kg: nothing stored\n";
    return 1;
  }
  auto store = OpenForWrite(g, &rc);
  if (!store) return rc;
  size_t added = 0, replaced = 0, unchanged = 0, triples = 0;
  Status failure;
  {
    Extraction lx = LexiconDocument(res->lexicon);
    DocumentInfo info{
        "lexicon", "kg lexicon: taxonomy links", "", parsers::FindDataDir() + "/lexicon", "", 0};
    std::string all;
    for (const auto& t : lx.triples) all += t.s + "\t" + t.o + "\n";
    for (const auto& e : lx.entities) {
      all += e.label;
      for (const auto& a : e.aliases) all += "|" + a;
      all += "\n";
    }
    info.content_hash = parsers::ContentHash(all);
    if (!lx.triples.empty()) {
      auto out = store->PutDocument(info, ToStatements(lx));
      if (!out.ok()) return Fail(out.status());
    }
  }
  DocumentProgress progress("ingesting", holding ? held.size() : KnownDocumentCount(files));
  Pipeline pipe(*res, o.jobs);
  // Documents are written in groups, each group one atomic write.
  std::vector<DocumentWrite> group;
  std::vector<size_t> relations;  // per document of the group
  size_t group_statements = 0;
  auto flush = [&] {
    if (group.empty() || !failure.ok()) return;
    auto out = store->PutDocuments(group);
    if (!out.ok()) {
      failure =
          group.size() == 1 ? out.status().WithPrefix(group[0].info.source + ": ") : out.status();
      return;
    }
    for (size_t i = 0; i < out->size(); ++i) {
      switch ((*out)[i]) {
        case PutOutcome::kAdded:
          ++added, triples += relations[i];
          break;
        case PutOutcome::kReplaced:
          ++replaced, triples += relations[i];
          break;
        case PutOutcome::kUnchanged:
          ++unchanged;
          break;
      }
    }
    group.clear(), relations.clear(), group_statements = 0;
  };
  auto sink = [&](SourceDocument& d, Extraction& x) {
    if (!failure.ok()) return;
    group.push_back({std::move(d.info), ToStatements(x)});
    relations.push_back(x.triples.size());
    group_statements += group.back().statements.size();
    if (group.size() >= o.batch || group_statements >= kGroupStatements) flush();
  };
  auto tick = [&] { progress.Tick(); };
  if (holding) {
    pipe.Run(
        [&](const parsers::DocumentFn& fn) {
          for (auto& d : held) fn(std::move(d));
        },
        sink, tick);
  } else {
    pipe.Run(files, sink, tick);
  }
  flush();
  progress.Clear();
  if (!failure.ok()) return Fail(failure);
  std::cerr << fmt::format(
      "ingested {} documents ({} new, {} replaced, {} unchanged), {} relations\n",
      added + replaced + unchanged, added, replaced, unchanged, triples);
  return 0;
}

int RunEval(const ExtractOptions& o) {
  auto gold = parsers::LoadGold(o.gold);
  if (!gold.ok()) return Fail(gold.status());
  int rc = 0;
  auto res = LoadResources(o, &rc);
  if (!res) return rc;
  bool ok = true;
  auto files = ListFiles(o, &ok);
  std::vector<parsers::Prediction> preds;
  Pipeline pipe(*res, o.jobs);
  bool read_ok = pipe.Run(
      files,
      [&](SourceDocument& d, Extraction& x) {
        for (const auto& t : x.triples) preds.push_back({d.info.id, t.s, t.p, t.o});
      },
      [] {});
  auto score = parsers::ScoreTriples(*gold, preds);
  for (const auto& d : score.docs) {
    parsers::Score one;
    one.tp_pred = d.tp_pred, one.pred = d.pred, one.tp_gold = d.tp_gold, one.gold = d.gold;
    std::cout << fmt::format("{:<40s} P {}/{}  R {}/{}  F1 {:.3f}\n", d.doc, d.tp_pred, d.pred,
                             d.tp_gold, d.gold, one.f1());
    if (o.show_misses) {
      for (const auto& m : d.missed) std::cout << "    missed  " << m << "\n";
      for (const auto& e : d.extra) std::cout << "    extra   " << e << "\n";
    }
  }
  std::cout << fmt::format(
      "relations: precision {:.3f} recall {:.3f} F1 {:.3f} over {} documents\n", score.precision(),
      score.recall(), score.f1(), score.docs.size());
  if (!ok || !read_ok) return 1;
  if (o.min_f1 >= 0 && score.f1() < o.min_f1) {
    std::cerr << fmt::format("kg: F1 {:.3f} is below --min-f1 {:.3f}\n", score.f1(), o.min_f1);
    return 1;
  }
  return 0;
}

}  // namespace

void RegisterExtractCommands(CLI::App& app, GlobalOptions& g) {
  auto o = std::make_shared<ExtractOptions>();

  auto* ex = app.add_subcommand("extract", "extract triples from documents (no store)");
  ex->add_option("paths", o->paths, "files or directories (.txt .md .html .htm .jsonl .pdf)")
      ->required();
  ex->add_option("--format", o->format, "output format")
      ->check(CLI::IsMember({"jsonl", "nquads", "table"}))
      ->capture_default_str();
  AddCommonOptions(ex, o.get());
  ex->callback([&g, o] { g.exit_code = RunExtract(*o); });

  auto* in = app.add_subcommand("ingest", "extract triples from documents into the store");
  in->add_option("paths", o->paths, "files or directories")->required();
  AddCommonOptions(in, o.get());
  in->add_option("--batch", o->batch,
                 "documents per atomic write: a kill loses at most the group being written")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  in->callback([&g, o] { g.exit_code = RunIngest(g, *o); });

  auto* ev = app.add_subcommand("eval", "score extraction against gold annotations");
  ev->add_option("gold", o->gold, "gold file (one document a line)")
      ->required()
      ->check(CLI::ExistingFile);
  ev->add_option("paths", o->paths, "files or directories to extract from")->required();
  ev->add_option("--min-f1", o->min_f1, "exit 1 when F1 is below this");
  ev->add_flag("--show-misses", o->show_misses, "list missed and extra triples");
  AddCommonOptions(ev, o.get());
  ev->callback([&g, o] { g.exit_code = RunEval(*o); });
}

}  // namespace kg::cli
