// load -> dump -> load through a real store on disk, in-process: the W3C
// positive syntax files and a generated graph come back as the same graph.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "kg/store.h"
#include "parsers/rdf/rdf_dump.h"
#include "parsers/rdf/rdf_load.h"
#include "parsers/rdf/rdf_writer.h"

namespace kg::rdf {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("kg-rdf-rt-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

using Statements = std::vector<std::array<Term, 3>>;

// Blank nodes get names from their neighbourhood (a few rounds of colour
// refinement), so two graphs that differ only in labels compare equal.
std::set<std::string> Canonical(const Statements& in) {
  std::map<std::string, std::string> colour;
  for (const auto& t : in) {
    for (const auto& term : t) {
      if (term.is_blank()) colour[term.value] = "B";
    }
  }
  auto text = [&](const Term& term, const std::map<std::string, std::string>& c) {
    if (!term.is_blank()) return term.ToNTriples();
    return "_:" + c.at(term.value);
  };
  for (int round = 0; round < 4 && !colour.empty(); ++round) {
    std::map<std::string, std::multiset<std::string>> sig;
    for (const auto& t : in) {
      std::string line = text(t[0], colour) + " " + text(t[1], colour) + " " + text(t[2], colour);
      for (int i : {0, 2}) {
        if (t[i].is_blank()) sig[t[i].value].insert(std::to_string(i) + line);
      }
    }
    std::map<std::string, std::string> next;
    for (auto& [label, lines] : sig) {
      std::string all;
      for (const auto& l : lines) all += l + "\n";
      next[label] = "h" + std::to_string(std::hash<std::string>{}(all));
    }
    colour = std::move(next);
  }
  std::set<std::string> out;
  for (const auto& t : in) {
    out.insert(text(t[0], colour) + " " + text(t[1], colour) + " " + text(t[2], colour));
  }
  return out;
}

Statements ReadAll(const std::string& path, Format format, const std::string& scope = "") {
  Statements out;
  Status st = ParseFile(path, format, [&](const Quad& q) {
    std::array<Term, 3> t{q.s, q.p, q.o};
    for (auto& term : t) {
      if (term.is_blank()) term.value = scope + term.value;
    }
    out.push_back(std::move(t));
    return Status::OK();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

std::string DumpTo(const Store& store, Format format, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  uint64_t n = 0;
  {
    Writer w(f, path);
    Status st = Dump(store, format, &w, &n);
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  std::fclose(f);
  return path;
}

std::vector<std::string> PositiveFiles(const std::string& suite, const std::string& ext) {
  auto dir = fs::path(KG_SOURCE_DIR) / ".." / "shared" / "conformance" / "rdf-tests" / "rdf" /
             "rdf11" / suite;
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ext && name.find("bad") == std::string::npos) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::unique_ptr<Store> OpenStore(const std::string& dir) {
  auto s = Store::Open(dir);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(RdfStoreRoundTripTest, W3cPositiveFilesSurviveLoadDumpLoad) {
  auto files = PositiveFiles("rdf-n-triples", ".nt");
  if (files.empty()) GTEST_SKIP() << "../shared/conformance is absent";
  TempDir tmp;
  Statements original;
  {
    auto store = OpenStore(tmp / "one.db");
    ASSERT_TRUE(store);
    for (size_t i = 0; i < files.size(); ++i) {
      auto r = LoadFile(*store, files[i], {});
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      // Blank nodes are scoped to their file, as the loader scopes them.
      auto part = ReadAll(files[i], Format::kNTriples, "f" + std::to_string(i) + "_");
      original.insert(original.end(), part.begin(), part.end());
    }
    DumpTo(*store, Format::kNTriples, tmp / "dump1.nt");
  }
  Statements dump1 = ReadAll(tmp / "dump1.nt", Format::kNTriples);
  EXPECT_EQ(Canonical(dump1), Canonical(original));
  EXPECT_GT(dump1.size(), 40u);
  {
    auto store = OpenStore(tmp / "two.db");
    ASSERT_TRUE(store);
    auto r = LoadFile(*store, tmp / "dump1.nt", {});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    DumpTo(*store, Format::kNTriples, tmp / "dump2.nt");
  }
  EXPECT_EQ(Canonical(ReadAll(tmp / "dump2.nt", Format::kNTriples)), Canonical(dump1));
}

TEST(RdfStoreRoundTripTest, NQuadsDumpGraphsAreTheDocuments) {
  auto files = PositiveFiles("rdf-n-quads", ".nq");
  if (files.empty()) GTEST_SKIP() << "../shared/conformance is absent";
  TempDir tmp;
  auto store = OpenStore(tmp / "q.db");
  ASSERT_TRUE(store);
  std::set<std::string> ids;
  for (const auto& f : files) {
    auto r = LoadFile(*store, f, {});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    if (r->triples > 0) ids.insert(r->doc_id);  // empty files leave no quads
  }
  DumpTo(*store, Format::kNQuads, tmp / "all.nq");
  DumpTo(*store, Format::kNTriples, tmp / "all.nt");
  std::set<std::string> graphs;
  Statements triples;
  ASSERT_TRUE(ParseFile(tmp / "all.nq", Format::kNQuads, [&](const Quad& q) {
                EXPECT_TRUE(q.graph.has_value());
                if (q.graph) graphs.insert(q.graph->value);
                triples.push_back({q.s, q.p, q.o});
                return Status::OK();
              }).ok());
  std::set<std::string> expected;
  for (const auto& id : ids) expected.insert(DocumentIri(id));
  EXPECT_EQ(graphs, expected);
  EXPECT_EQ(Canonical(triples), Canonical(ReadAll(tmp / "all.nt", Format::kNTriples)));
}

TEST(RdfStoreRoundTripTest, FailedParseLeavesNoDocument) {
  TempDir tmp;
  auto store = OpenStore(tmp / "f.db");
  ASSERT_TRUE(store);
  std::string path = tmp / "broken.nt";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    for (int i = 0; i < 3000; ++i)
      std::fprintf(f, "<http://ex/s%d> <http://ex/p> \"%d\" .\n", i, i);
    std::fputs("<http://ex/s> <http://ex/p> <relative> .\n", f);
    std::fclose(f);
  }
  auto r = LoadFile(*store, path, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            path + ":3001:29: relative IRI <relative> (IRIs must be absolute here)");
  auto docs = store->ListDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_TRUE(docs->empty());
  auto n = store->Count(TriplePattern{});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
}

}  // namespace
}  // namespace kg::rdf
