// The W3C RDF 1.1 N-Triples and N-Quads syntax suites, read from their
// manifests in ../shared/conformance/rdf-tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "parsers/rdf/rdf_reader.h"
#include "parsers/rdf/rdf_writer.h"

namespace kg::rdf {
namespace {

struct SyntaxTest {
  std::string name;
  std::string file;
  bool positive = false;
};

std::string SuiteDir(const std::string& suite) {
  auto dir = std::filesystem::path(KG_SOURCE_DIR) / ".." / "shared" / "conformance" / "rdf-tests" /
             "rdf" / "rdf11" / suite;
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir.string() : "";
}

// Turtle manifests list one entry per block "<#name> a|rdf:type rdft:TestX ;
// ... mf:action <file> ; ." — regular enough for a small ad-hoc reader.
std::vector<SyntaxTest> ReadManifest(const std::string& path, const std::string& lang) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::vector<SyntaxTest> tests;
  std::regex head("<#([^>]+)>\\s+(?:a|rdf:type)\\s+rdft:Test" + lang + "(Positive|Negative)Syntax");
  std::regex action("mf:action\\s+<([^>]+)>");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), head); it != std::sregex_iterator();
       ++it) {
    size_t from = static_cast<size_t>(it->position(0));
    size_t to = text.find("\n<#", from + 1);
    std::string block = text.substr(from, to == std::string::npos ? std::string::npos : to - from);
    std::smatch m;
    if (!std::regex_search(block, m, action)) continue;
    tests.push_back({(*it)[1].str(), m[1].str(), (*it)[2].str() == "Positive"});
  }
  return tests;
}

void RunSuite(const std::string& suite, const std::string& lang, Format format, size_t min_tests) {
  std::string dir = SuiteDir(suite);
  if (dir.empty()) GTEST_SKIP() << "../shared/conformance is absent";
  auto tests = ReadManifest(dir + "/manifest.ttl", lang);
  ASSERT_GE(tests.size(), min_tests) << "manifest reader found too few entries";
  size_t positives = 0, negatives = 0;
  for (const auto& t : tests) {
    SCOPED_TRACE(t.name + " (" + t.file + ")");
    std::vector<Quad> quads;
    Status st = ParseFile(dir + "/" + t.file, format, [&](const Quad& q) {
      quads.push_back(q);
      return Status::OK();
    });
    if (t.positive) {
      ++positives;
      EXPECT_TRUE(st.ok()) << st.ToString();
      // What parses must also survive writing and parsing again.
      std::string text;
      for (const auto& q : quads) {
        AppendStatement(&text, q.s, q.p, q.o, q.graph ? &*q.graph : nullptr);
      }
      std::vector<Quad> again;
      Status st2 = ParseString(text, format, [&](const Quad& q) {
        again.push_back(q);
        return Status::OK();
      });
      EXPECT_TRUE(st2.ok()) << st2.ToString() << "\n" << text;
      ASSERT_EQ(again.size(), quads.size());
      for (size_t i = 0; i < quads.size(); ++i) {
        EXPECT_EQ(again[i].s, quads[i].s);
        EXPECT_EQ(again[i].p, quads[i].p);
        EXPECT_EQ(again[i].o, quads[i].o);
        EXPECT_EQ(again[i].graph, quads[i].graph);
      }
    } else {
      ++negatives;
      EXPECT_FALSE(st.ok()) << "accepted a negative syntax test";
      // Every error names the file, line and column.
      std::regex where("^.+:[0-9]+:[0-9]+: .+");
      EXPECT_TRUE(std::regex_match(st.message(), where)) << st.message();
    }
  }
  EXPECT_GT(positives, 0u);
  EXPECT_GT(negatives, 0u);
  std::cout << suite << ": " << positives << " positive, " << negatives << " negative\n";
}

TEST(ConformanceTest, NTriplesSyntaxSuite) {
  RunSuite("rdf-n-triples", "NTriples", Format::kNTriples, 60);
}

TEST(ConformanceTest, NQuadsSyntaxSuite) { RunSuite("rdf-n-quads", "NQuads", Format::kNQuads, 80); }

}  // namespace
}  // namespace kg::rdf
