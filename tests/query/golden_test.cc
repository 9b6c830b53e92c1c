// Runs the golden script tests: tests/query/<feature>/*.test against the
// policy graph (policy_graph.cc) in a real store.
//
// A .test file holds blocks separated by blank lines:
//
//   query [sorted]          -- or: error
//   <query text, one or more lines>
//   ----
//   <expected tsv: header then rows>   -- or the expected error message
//
// `sorted` compares rows as a set (for queries without order by). Lines
// starting with '#' outside blocks are comments.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/engine.h"
#include "query/printer.h"
#include "query/script.h"
#include "tests/query/policy_graph.h"

namespace kg::query {
namespace {

namespace fs = std::filesystem;

struct Case {
  bool error = false;
  bool sorted = false;
  int line = 0;
  std::string query;
  std::vector<std::string> expected;
};

std::vector<Case> ReadCases(const fs::path& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line;
  int line_no = 0;
  enum { kIdle, kQuery, kExpected } state = kIdle;
  while (std::getline(in, line)) {
    ++line_no;
    if (state == kIdle) {
      if (line.empty() || line[0] == '#') continue;
      Case c;
      c.line = line_no;
      c.error = line.rfind("error", 0) == 0;
      c.sorted = line.find("sorted") != std::string::npos;
      cases.push_back(c);
      state = kQuery;
    } else if (state == kQuery) {
      if (line == "----") {
        state = kExpected;
      } else {
        cases.back().query += (cases.back().query.empty() ? "" : "\n") + line;
      }
    } else {
      if (line.empty()) {
        state = kIdle;
      } else {
        cases.back().expected.push_back(line);
      }
    }
  }
  return cases;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(
        (fs::temp_directory_path() / ("kg-golden-" + std::to_string(::getpid()))).string());
    fs::remove_all(*dir_);
    Status s = testing::BuildPolicyGraphStore(*dir_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    auto store = Store::Open(*dir_, OpenOptions{.read_only = true, .create_if_missing = false});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = store->release();
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string* dir_;
  static Store* store_;
};
std::string* GoldenTest::dir_ = nullptr;
Store* GoldenTest::store_ = nullptr;

TEST_P(GoldenTest, Matches) {
  ASSERT_NE(store_, nullptr);
  fs::path path = fs::path(KG_SOURCE_DIR) / "tests/query" / GetParam();
  std::vector<Case> cases = ReadCases(path);
  ASSERT_FALSE(cases.empty()) << path;
  for (const Case& c : cases) {
    SCOPED_TRACE(GetParam() + ":" + std::to_string(c.line) + ": " + c.query);
    Engine engine(store_);
    ScriptOptions options;
    options.format = Format::kTsv;
    options.query.timeout_seconds = 10;
    std::ostringstream out, err;
    Status s = RunScript(engine, c.query, options, out, err);
    if (c.error) {
      EXPECT_FALSE(s.ok()) << out.str();
      std::vector<std::string> got = Lines(err.str());
      if (!got.empty() && got[0].rfind("kg: ", 0) == 0) got[0] = got[0].substr(4);
      EXPECT_EQ(got, c.expected);
      continue;
    }
    ASSERT_TRUE(s.ok()) << err.str();
    std::vector<std::string> got = Lines(out.str());
    std::vector<std::string> want = c.expected;
    if (c.sorted && !got.empty() && !want.empty()) {
      std::sort(got.begin() + 1, got.end());
      std::sort(want.begin() + 1, want.end());
    }
    EXPECT_EQ(got, want);
  }
}

std::vector<std::string> TestFiles() {
  std::vector<std::string> files;
  fs::path root = fs::path(KG_SOURCE_DIR) / "tests/query";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".test")
      files.push_back(fs::relative(entry.path(), root).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - 5);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Scripts, GoldenTest, ::testing::ValuesIn(TestFiles()), TestName);

}  // namespace
}  // namespace kg::query
