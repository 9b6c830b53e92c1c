// kg query, kg explain: run queries from the command line, a file or stdin.
#include <fstream>
#include <iostream>
#include <sstream>

#include "query/engine.h"
#include "query/printer.h"
#include "query/script.h"
#include "tools/cli.h"

namespace kg::cli {
namespace {

struct QueryArgs {
  std::string text;
  std::string file;
  std::string format;
  bool evidence = false;
  double timeout = 30;
  uint64_t max_rows = 1000000;
  bool keep_going = false;
};

// The query text and the name errors should carry, from QUERY, -f FILE or '-'.
Result<std::pair<std::string, std::string>> ReadQueryText(const QueryArgs& a) {
  if (!a.file.empty() && !a.text.empty())
    return Status::InvalidInput("give a query or -f FILE, not both");
  std::string path = a.file.empty() && a.text == "-" ? "-" : a.file;
  if (path.empty()) {
    if (a.text.empty())
      return Status::InvalidInput("no query given (kg query 'QUERY', -f FILE or -)");
    return std::make_pair(a.text, std::string());
  }
  std::stringstream buf;
  if (path == "-") {
    buf << std::cin.rdbuf();
    return std::make_pair(buf.str(), std::string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot read the file");
  buf << in.rdbuf();
  return std::make_pair(buf.str(), path);
}

int Run(const GlobalOptions& g, const QueryArgs& a, bool explain) {
  auto text = ReadQueryText(a);
  if (!text.ok()) return Fail(text.status());
  query::ScriptOptions options;
  options.query.timeout_seconds = a.timeout;
  options.query.max_rows = a.max_rows;
  options.query.evidence = a.evidence;
  options.keep_going = a.keep_going;
  options.explain = explain;
  options.source = text->second;
  if (a.format.empty()) {
    options.format = IsTerminal(1) ? query::Format::kTable : query::Format::kTsv;
  } else {
    auto format = query::ParseFormat(a.format);
    if (!format.ok()) return Fail(format.status());
    options.format = *format;
  }
  int rc = 0;
  auto store = OpenForRead(g, &rc);
  if (!store) return rc;
  query::Engine engine(store.get());
  Status s = query::RunScript(engine, text->first, options, std::cout, std::cerr);
  return s.ok() ? 0 : s.ExitCode();
}

void AddCommonOptions(CLI::App* cmd, QueryArgs& a) {
  cmd->add_option("query", a.text, "the query text, or - to read queries from stdin");
  cmd->add_option("-f,--file", a.file, "read queries from FILE (';'-separated, '--' comments)");
  cmd->add_option("--timeout", a.timeout, "stop a query after SECONDS (0: never)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-rows", a.max_rows,
                  "stop a query that yields more than N rows (0: no limit)")
      ->capture_default_str();
}

}  // namespace

void RegisterQueryCommands(CLI::App& app, GlobalOptions& g) {
  static QueryArgs query_args, explain_args;
  CLI::App* q = app.add_subcommand("query", "run queries (see docs/query-language.md)");
  AddCommonOptions(q, query_args);
  q->add_option("--format", query_args.format,
                "table, json, jsonl, csv, tsv or markdown (default: table on a terminal, else tsv)")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv", "tsv", "markdown"}));
  q->add_flag("--evidence", query_args.evidence, "add document and sentence columns");
  q->add_flag("--keep-going", query_args.keep_going,
              "run the rest of a script after a failing query");
  q->callback([&g]() { g.exit_code = Run(g, query_args, false); });

  CLI::App* e = app.add_subcommand("explain", "print the plan a query would run with");
  AddCommonOptions(e, explain_args);
  e->callback([&g]() { g.exit_code = Run(g, explain_args, true); });
}

}  // namespace kg::cli
