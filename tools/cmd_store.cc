// kg stats, kg check, kg docs, kg forget.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "kg/vocab.h"
#include "tools/cli.h"

namespace kg::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string Bytes(uint64_t n) {
  char buf[32];
  if (n >= (1ull << 30)) {
    std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(n) / (1ull << 30));
  } else if (n >= (1ull << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(n) / (1ull << 20));
  } else if (n >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(n) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(n));
  }
  return buf;
}

// Pads a UTF-8 string to `width` display columns (one per code point).
std::string Pad(const std::string& s, size_t width) {
  size_t cols = 0;
  for (unsigned char c : s) cols += (c & 0xc0) != 0x80;
  return cols >= width ? s : s + std::string(width - cols, ' ');
}

std::string IriOf(const Store& store, TermId id) {
  auto t = store.GetTerm(id);
  return t.ok() ? t->value : "#" + std::to_string(id);
}

int RunStats(const GlobalOptions& g, bool json) {
  int rc = 0;
  auto store = OpenForRead(g, &rc);
  if (!store) return rc;
  auto stats = store->GetStats();
  if (!stats.ok()) return Fail(stats.status());
  auto preds = stats->predicates;
  std::sort(preds.begin(), preds.end(), [](const PredicateStats& a, const PredicateStats& b) {
    return a.triples != b.triples ? a.triples > b.triples : a.predicate < b.predicate;
  });
  auto types = stats->types;
  std::sort(types.begin(), types.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (json) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    Key(w, "store", g.db);
    w.Key("triples"), w.Uint64(stats->triples);
    w.Key("entities"), w.Uint64(stats->entities);
    w.Key("documents"), w.Uint64(stats->documents);
    w.Key("terms"), w.Uint64(stats->terms);
    w.Key("disk_bytes"), w.Uint64(stats->disk_bytes);
    w.Key("predicates");
    w.StartArray();
    for (const auto& p : preds) {
      w.StartObject();
      Key(w, "predicate", IriOf(*store, p.predicate));
      Key(w, "label", store->Label(p.predicate));
      w.Key("triples"), w.Uint64(p.triples);
      w.Key("distinct_subjects"), w.Uint64(p.distinct_subjects);
      w.Key("distinct_objects"), w.Uint64(p.distinct_objects);
      w.EndObject();
    }
    w.EndArray();
    w.Key("types");
    w.StartArray();
    for (const auto& [type, n] : types) {
      w.StartObject();
      Key(w, "type", IriOf(*store, type));
      Key(w, "label", store->Label(type));
      w.Key("entities"), w.Uint64(n);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::cout << buf.GetString() << "\n";
    return 0;
  }
  std::cout << "store      " << g.db << "\n"
            << "triples    " << stats->triples << "\n"
            << "entities   " << stats->entities << "\n"
            << "documents  " << stats->documents << "\n"
            << "terms      " << stats->terms << "\n"
            << "disk       " << Bytes(stats->disk_bytes);
  if (stats->triples > 0) {
    char per[32];
    std::snprintf(per, sizeof per, " (%.1f bytes/triple)",
                  static_cast<double>(stats->disk_bytes) / static_cast<double>(stats->triples));
    std::cout << per;
  }
  std::cout << "\n";
  if (!preds.empty()) {
    std::cout << "\npredicates   triples  subjects  objects\n";
    for (const auto& p : preds) {
      char nums[80];
      std::snprintf(nums, sizeof nums, "%10llu %9llu %8llu",
                    static_cast<unsigned long long>(p.triples),
                    static_cast<unsigned long long>(p.distinct_subjects),
                    static_cast<unsigned long long>(p.distinct_objects));
      std::cout << "  " << Pad(store->Label(p.predicate), 24) << nums << "\n";
    }
  }
  if (!types.empty()) {
    std::cout << "\ntypes        entities\n";
    for (const auto& [type, n] : types) {
      std::cout << "  " << Pad(store->Label(type), 24) << " " << n << "\n";
    }
  }
  return 0;
}

int RunCheck(const GlobalOptions& g) {
  int rc = 0;
  auto store = OpenForRead(g, &rc);
  if (!store) return rc;
  std::vector<std::string> problems;
  Status s = store->Check(&problems);
  if (!problems.empty()) {
    for (const auto& p : problems) std::cout << p << "\n";
    std::cerr << "kg: store " << g.db << " has " << problems.size() << " problem(s)\n";
    return 1;
  }
  if (!s.ok()) return Fail(s);
  auto stats = store->GetStats();
  if (!stats.ok()) return Fail(stats.status());
  std::cout << "store " << g.db << " is consistent: " << stats->triples << " triples, "
            << stats->documents << " documents\n";
  return 0;
}

int RunDocs(const GlobalOptions& g, const std::string& format) {
  int rc = 0;
  auto store = OpenForRead(g, &rc);
  if (!store) return rc;
  auto docs = store->ListDocuments();
  if (!docs.ok()) return Fail(docs.status());
  if (format == "json") {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartArray();
    for (const auto& d : *docs) {
      w.StartObject();
      Key(w, "id", d.id);
      Key(w, "title", d.title);
      Key(w, "date", d.date);
      Key(w, "source", d.source);
      w.Key("triples"), w.Uint64(d.triple_count);
      w.EndObject();
    }
    w.EndArray();
    std::cout << buf.GetString() << "\n";
    return 0;
  }
  size_t id_w = 2, title_w = 5;
  for (const auto& d : *docs) {
    id_w = std::max(id_w, d.id.size());
    title_w = std::min<size_t>(std::max(title_w, d.title.size()), 60);
  }
  auto line = [&](const std::string& id, const std::string& title, const std::string& date,
                  const std::string& triples, const std::string& source) {
    std::string t = title.size() > 60 ? title.substr(0, 57) + "..." : title;
    char num[24];
    std::snprintf(num, sizeof num, "%8s", triples.c_str());
    std::cout << Pad(id, id_w) << "  " << Pad(t, title_w) << "  " << Pad(date, 10) << "  " << num
              << "  " << source << "\n";
  };
  line("id", "title", "date", "triples", "source");
  for (const auto& d : *docs) {
    line(d.id, d.title, d.date, std::to_string(d.triple_count), d.source);
  }
  return 0;
}

int RunForget(const GlobalOptions& g, const std::string& doc) {
  int rc = 0;
  {
    // A missing store has nothing to forget; do not create one.
    auto reader = OpenForRead(g, &rc);
    if (!reader) return rc;
  }
  auto store = OpenForWrite(g, &rc);
  if (!store) return rc;
  auto info = store->GetDocument(doc);
  if (!info.ok()) return Fail(info.status());
  if (!info->has_value()) {
    return Fail(Status::NotFound("no document " + doc + " in store " + g.db));
  }
  Status s = store->RemoveDocument(doc);
  if (!s.ok()) return Fail(s);
  std::cout << "forgot " << doc << " (" << (*info)->triple_count << " triples)\n";
  return 0;
}

}  // namespace

void RegisterStoreCommands(CLI::App& app, GlobalOptions& g) {
  auto* stats =
      app.add_subcommand("stats", "triples, entities, documents, predicates, types, disk");
  auto json = std::make_shared<bool>(false);
  stats->add_flag("--json", *json, "print JSON");
  stats->callback([&g, json] { g.exit_code = RunStats(g, *json); });

  auto* check = app.add_subcommand("check", "verify the store's indexes, counts and evidence");
  check->callback([&g] { g.exit_code = RunCheck(g); });

  auto* docs = app.add_subcommand("docs", "list the stored documents");
  auto format = std::make_shared<std::string>("table");
  docs->add_option("--format", *format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  docs->callback([&g, format] { g.exit_code = RunDocs(g, *format); });

  auto* forget = app.add_subcommand("forget", "remove one document's triples and evidence");
  auto doc = std::make_shared<std::string>();
  forget->add_option("DOC", *doc, "document id")->required();
  forget->callback([&g, doc] { g.exit_code = RunForget(g, *doc); });
}

}  // namespace kg::cli
