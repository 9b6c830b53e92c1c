#include "parsers/document_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace kg::parsers {
namespace {
namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_reader_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::vector<SourceDocument> Read(const std::string& path) {
    std::vector<SourceDocument> docs;
    problems_.clear();
    ReadFile(
        path, [&](SourceDocument d) { docs.push_back(std::move(d)); },
        [&](const ReadProblem& p) { problems_.push_back(p); });
    return docs;
  }
  fs::path dir_;
  std::vector<ReadProblem> problems_;
};

TEST_F(ReaderTest, TextFileIdTitleAndHash) {
  auto docs = Read(Write("eo_1234.txt", "\n# Executive Order 1234\n\nBody text.\n"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].info.id, "eo_1234");
  EXPECT_EQ(docs[0].info.title, "Executive Order 1234");
  EXPECT_EQ(docs[0].info.content_hash.size(), 16u);
}

TEST_F(ReaderTest, JsonlSkipsMalformedLineWithWarningAndGoesOn) {
  std::string path =
      Write("news.jsonl",
            "{\"id\": \"a\", \"title\": \"A\", \"date\": \"24-MAR-1987 02:28:25.81\", "
            "\"source\": \"wire\", \"text\": \"First.\"}\n"
            "{\"id\": \"b\", \"text\": \n"
            "\n"
            "{\"id\": \"c\", \"url\": \"http://x\", \"text\": \"Third.\"}\n");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].info.id, "a");
  EXPECT_EQ(docs[0].info.date, "1987-03-24");
  EXPECT_EQ(docs[0].info.source, "wire");
  EXPECT_EQ(docs[1].info.source, "http://x");
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_FALSE(problems_[0].fatal);
  EXPECT_EQ(problems_[0].message.rfind(path + ":2: ", 0), 0u) << problems_[0].message;
}

// A line is checked for UTF-8 before parsing: a valid one keeps its
// non-ASCII text, an invalid one is skipped with the parser's own message.
TEST_F(ReaderTest, JsonlLineWithInvalidUtf8IsSkippedAndValidTextKept) {
  std::string path =
      Write("utf8.jsonl",
            "{\"id\": \"a\", \"text\": \"Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D.\"}\n"
            "{\"id\": \"b\", \"text\": \"caf\xE9 au lait\"}\n");
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D.");
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_FALSE(problems_[0].fatal);
  EXPECT_EQ(problems_[0].message.rfind(path + ":2: malformed JSON at column 25 (", 0), 0u)
      << problems_[0].message;
  EXPECT_NE(problems_[0].message.find("Invalid encoding"), std::string::npos)
      << problems_[0].message;
}

TEST_F(ReaderTest, BinaryInvalidUtf8AndEmptyFilesAreRefused) {
  EXPECT_TRUE(Read(Write("bin.txt", std::string("ab\0cd", 5))).empty());
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].message.find("binary file"), std::string::npos);
  EXPECT_TRUE(Read(Write("bad.txt", "caf\xE9 au lait")).empty());
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].message.find("bad.txt:1:4: invalid UTF-8"), std::string::npos);
  EXPECT_TRUE(Read(Write("empty.md", "")).empty());
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].message.find("empty"), std::string::npos);
  EXPECT_TRUE(problems_[0].fatal);
}

TEST_F(ReaderTest, UnreadablePdfIsRefused) {
  EXPECT_TRUE(Read(Write("broken.pdf", "%PDF-1.4 this is not really a pdf")).empty());
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].message.find("unreadable PDF"), std::string::npos);
}

TEST_F(ReaderTest, DirectoriesRecurseInOrderAndSkipSymlinkLoops) {
  Write("b/two.txt", "Two.");
  Write("a/one.md", "One.");
  Write("a/ignored.bin", "x");
  fs::create_directory_symlink(dir_, dir_ / "a" / "loop");
  std::vector<ReadProblem> problems;
  auto files =
      ListInputFiles({dir_.string()}, [&](const ReadProblem& p) { problems.push_back(p); });
  ASSERT_EQ(files.size(), 2u);
  EXPECT_NE(files[0].find("one.md"), std::string::npos);
  EXPECT_NE(files[1].find("two.txt"), std::string::npos);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("symlink loop"), std::string::npos);
  EXPECT_FALSE(problems[0].fatal);
}

TEST_F(ReaderTest, MissingPathIsFatal) {
  std::vector<ReadProblem> problems;
  auto files = ListInputFiles({(dir_ / "nope.txt").string()},
                              [&](const ReadProblem& p) { problems.push_back(p); });
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(problems[0].fatal);
}

}  // namespace
}  // namespace kg::parsers
