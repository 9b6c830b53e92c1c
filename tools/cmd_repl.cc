// kg repl: an interactive prompt over the query engine (libedit line
// editing, history in ~/.kg_history, tab completion, dot commands). With
// stdin not a terminal it reads the same input without prompts.
#include <editline/readline.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "kg/vocab.h"
#include "query/engine.h"
#include "query/export/exporter.h"
#include "query/export/graph_builder.h"
#include "query/export/query_subgraph.h"
#include "query/parser.h"
#include "query/printer.h"
#include "query/script.h"
#include "tools/cli.h"

namespace kg::cli {
namespace {

std::atomic<bool> g_cancel{false};
std::atomic<bool> g_interrupted{false};

void OnSigint(int) {
  g_cancel.store(true);
  g_interrupted.store(true);
}

const char* const kKeywords[] = {
    "find",   "where",    "count",  "path",  "neighbors", "describe", "why", "explain",
    "not",    "optional", "filter", "since", "order",     "group",    "by",  "limit",
    "offset", "distinct", "as",     "to",    "max",       "depth",    "in",  "and",
    "or",     "asc",      "desc",   "min",   "sum",       "avg",      "type"};
const char* const kDotCommands[] = {".help",   ".mode", ".timer", ".schema", ".docs",
                                    ".export", ".read", ".quit",  ".exit"};

const char* const kHelp =
    "Queries end with ';' and may span lines. Examples:\n"
    "  China funds ?tech;\n"
    "  find ?t, count(?c) as n where ?c supports ?t group by ?t order by n desc limit 10;\n"
    "  path China to \"Generative AI\" max 4;   why China funds \"quantum tech\";\n"
    "Dot commands:\n"
    "  .help                        this text\n"
    "  .mode table|json|jsonl|csv|tsv|markdown   output format\n"
    "  .timer on|off                print each query's time\n"
    "  .schema                      types and predicates with counts\n"
    "  .docs                        the documents in the store\n"
    "  .export FORMAT FILE [QUERY]  write the graph (or a query's subgraph) to FILE\n"
    "  .read FILE                   run the queries in FILE\n"
    "  .quit                        leave (also Ctrl-D); Ctrl-C stops a running query\n"
    "Full language: docs/query-language.md\n";

class Repl {
 public:
  Repl(Store* store, bool interactive) : store_(store), engine_(store), interactive_(interactive) {
    options_.format = IsTerminal(1) ? query::Format::kTable : query::Format::kTsv;
    options_.query.timeout_seconds = 0;  // Ctrl-C instead; a script sets --timeout
    options_.query.cancel = &g_cancel;
  }

  // Handles one line of input. False when the user asked to leave.
  bool Line(const std::string& line) {
    if (buffer_.empty() && !line.empty() && line.find_first_not_of(" \t") != std::string::npos &&
        line[line.find_first_not_of(" \t")] == '.') {
      return Dot(line.substr(line.find_first_not_of(" \t")));
    }
    buffer_ += line;
    buffer_ += '\n';
    if (query::EndsStatement(buffer_)) Flush();
    return true;
  }

  void Flush() {
    std::string text;
    text.swap(buffer_);
    if (query::SplitStatements(text).empty()) return;
    g_cancel.store(false);
    Status s = query::RunScript(engine_, text, options_, std::cout, std::cerr);
    if (!s.ok()) failed_ = true;
  }

  bool pending() const { return !buffer_.empty(); }
  void Discard() { buffer_.clear(); }
  bool failed() const { return failed_; }

  std::vector<std::string> Complete(const std::string& text, bool line_start) {
    std::set<std::string> out;
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto consider = [&](const std::string& word) {
      std::string w = word;
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (w.rfind(lower, 0) == 0) out.insert(word);
    };
    if (line_start && !text.empty() && text[0] == '.') {
      for (const char* d : kDotCommands) consider(d);
      return {out.begin(), out.end()};
    }
    for (const char* k : kKeywords) consider(k);
    for (const std::string& p : engine_.binder().PredicateNames()) consider(p);
    for (const std::string& t : engine_.binder().TypeNames()) consider(t);
    if (!text.empty()) {
      auto names = store_->NamesWithPrefix(lower, 50);
      if (names.ok()) {
        for (const auto& [name, id] : *names) {
          std::string label = store_->Label(id);
          if (label.find(' ') != std::string::npos) continue;  // typed quoted; see below
          consider(label);
        }
      }
    }
    return {out.begin(), out.end()};
  }

  // Labels with spaces, completed after an opening quote.
  std::vector<std::string> CompleteQuoted(const std::string& text) {
    std::vector<std::string> out;
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto names = store_->NamesWithPrefix(lower, 50);
    if (!names.ok()) return out;
    std::set<std::string> seen;
    for (const auto& [name, id] : *names) {
      std::string label = store_->Label(id);
      std::string l = label;
      for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l.rfind(lower, 0) == 0 && seen.insert(label).second) out.push_back(label);
    }
    return out;
  }

 private:
  void PrintTable(const query::ResultSet& rs) {
    query::Printer::Make(options_.format)->Print(rs, std::cout);
    std::cout.flush();
  }

  void Error(const std::string& message) {
    std::cerr << "kg: " << message << "\n";
    failed_ = true;
  }

  bool Dot(const std::string& line) {
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd;
    if (cmd == ".quit" || cmd == ".exit") return false;
    if (cmd == ".help") {
      std::cout << kHelp;
    } else if (cmd == ".mode") {
      in >> arg;
      auto f = query::ParseFormat(arg);
      if (!f.ok())
        Error(".mode: " + f.status().message());
      else
        options_.format = *f;
    } else if (cmd == ".timer") {
      in >> arg;
      if (arg == "on" || arg == "off")
        options_.timer = arg == "on";
      else
        Error(".timer: expected on or off");
    } else if (cmd == ".schema") {
      Schema();
    } else if (cmd == ".docs") {
      Docs();
    } else if (cmd == ".read") {
      std::getline(in >> std::ws, arg);
      Read(arg);
    } else if (cmd == ".export") {
      std::string format, file, query;
      in >> format >> file;
      std::getline(in >> std::ws, query);
      Export(format, file, query);
    } else {
      Error("unknown command " + cmd + " (try .help)");
    }
    return true;
  }

  void Schema() {
    // The kept per-predicate counts and one pass over the type triples: not
    // GetStats, whose count of entities reads every label.
    auto types = store_->ListTypeCounts();
    if (!types.ok()) return Error(types.status().message());
    auto predicates = store_->ListPredicateStats();
    if (!predicates.ok()) return Error(predicates.status().message());
    query::ResultSet rs;
    rs.columns = {"kind", "name", "count"};
    auto num = [](uint64_t n) {
      return query::Value{query::Value::Kind::kNumber, std::to_string(n)};
    };
    auto text = [](std::string s) { return query::Value{query::Value::Kind::kText, std::move(s)}; };
    for (const auto& [type, count] : *types)
      rs.rows.push_back({text("type"), text(store_->Label(type)), num(count)});
    for (const PredicateStats& p : *predicates)
      rs.rows.push_back({text("predicate"), text(store_->Label(p.predicate)), num(p.triples)});
    PrintTable(rs);
  }

  void Docs() {
    auto docs = store_->ListDocuments();
    if (!docs.ok()) return Error(docs.status().message());
    query::ResultSet rs;
    rs.columns = {"document", "date", "title", "triples"};
    for (const DocumentInfo& d : *docs) {
      rs.rows.push_back(
          {{query::Value::Kind::kText, d.id},
           {d.date.empty() ? query::Value::Kind::kNull : query::Value::Kind::kText, d.date},
           {query::Value::Kind::kText, d.title},
           {query::Value::Kind::kNumber, std::to_string(d.triple_count)}});
    }
    PrintTable(rs);
  }

  void Read(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (path.empty() || !f)
      return Error(".read: cannot read " + (path.empty() ? "(no file given)" : path));
    std::stringstream buf;
    buf << f.rdbuf();
    query::ScriptOptions options = options_;
    options.source = path;
    g_cancel.store(false);
    if (!query::RunScript(engine_, buf.str(), options, std::cout, std::cerr).ok()) failed_ = true;
  }

  void Export(const std::string& format, const std::string& file, std::string query) {
    if (format.empty() || file.empty()) return Error(".export: usage: .export FORMAT FILE [QUERY]");
    while (!query.empty() &&
           (query.back() == ';' || std::isspace(static_cast<unsigned char>(query.back()))))
      query.pop_back();
    exporting::BuildOptions build;
    build.evidence = format == "html";
    Result<exporting::ExportGraph> graph = query.empty()
                                               ? exporting::BuildWholeGraph(*store_, build)
                                               : exporting::BuildFromQuery(*store_, query, build);
    if (!graph.ok()) return Error(".export: " + graph.status().message());
    exporting::ExportOptions options;
    Status s = exporting::ExportToPath(*graph, format, file, options);
    if (!s.ok()) return Error(".export: " + s.message());
    std::cerr << "wrote " << file << "\n";
  }

  Store* store_;
  query::Engine engine_;
  bool interactive_;
  query::ScriptOptions options_;
  std::string buffer_;
  bool failed_ = false;
};

Repl* g_repl = nullptr;
std::vector<std::string> g_matches;

char* CompletionGenerator(const char*, int state) {
  static size_t index;
  if (state == 0) index = 0;
  if (index < g_matches.size()) return strdup(g_matches[index++].c_str());
  return nullptr;
}

char** Complete(const char* text, int start, int) {
  std::string before(rl_line_buffer, static_cast<size_t>(start));
  bool quoted = std::count(before.begin(), before.end(), '"') % 2 == 1;
  bool line_start = before.find_first_not_of(" \t") == std::string::npos;
  g_matches = quoted ? g_repl->CompleteQuoted(text) : g_repl->Complete(text, line_start);
  rl_attempted_completion_over = 1;
  if (g_matches.empty()) return nullptr;
  return rl_completion_matches(text, CompletionGenerator);
}

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.kg_history" : "";
}

int RunRepl(const GlobalOptions& g) {
  int rc = 0;
  auto store = OpenForRead(g, &rc);
  if (!store) return rc;
  bool interactive = isatty(0) == 1;
  Repl repl(store.get(), interactive);
  g_repl = &repl;

  struct sigaction sa {};
  sa.sa_handler = OnSigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked read returns and the prompt comes back
  struct sigaction old {};
  sigaction(SIGINT, &sa, &old);

  if (!interactive) {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!repl.Line(line)) break;
    }
    if (repl.pending()) repl.Flush();
    sigaction(SIGINT, &old, nullptr);
    return repl.failed() ? 1 : 0;
  }

  std::string history = HistoryPath();
  rl_readline_name = const_cast<char*>("kg");
  rl_attempted_completion_function = Complete;
  rl_completer_word_break_characters = const_cast<char*>(" \t\n\"(),;{}|");
  using_history();
  if (!history.empty()) read_history(history.c_str());
  std::cout << "kg "
            << "query shell on " << g.db << ". End queries with ';'. .help for help.\n";
  while (true) {
    g_interrupted.store(false);
    char* input = readline(repl.pending() ? "...> " : "kg> ");
    if (input == nullptr) {
      if (g_interrupted.exchange(false)) {  // Ctrl-C at the prompt: drop the line
        repl.Discard();
        std::cout << "\n";
        continue;
      }
      std::cout << "\n";
      break;
    }
    std::string line(input);
    std::free(input);
    if (line.find_first_not_of(" \t") != std::string::npos) {
      add_history(line.c_str());
      if (!history.empty()) write_history(history.c_str());
    }
    if (!repl.Line(line)) break;
  }
  sigaction(SIGINT, &old, nullptr);
  return 0;
}

}  // namespace

void RegisterReplCommand(CLI::App& app, GlobalOptions& g) {
  CLI::App* cmd =
      app.add_subcommand("repl", "interactive query prompt (reads a script when piped)");
  cmd->callback([&g]() { g.exit_code = RunRepl(g); });
}

}  // namespace kg::cli
