// HTML documents through the reader: title kept, text extracted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "parsers/document_reader.h"

namespace kg::parsers {
namespace {

TEST(HtmlReaderTest, ReadsHtmlFileWithTitle) {
  auto dir = std::filesystem::temp_directory_path() / "kg_html_reader_test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "page.html").string();
  std::ofstream(path) << "<title>Chips &amp; Policy</title><p>Freedonia funds AI.</p>";
  std::vector<SourceDocument> docs;
  ReadFile(
      path, [&](SourceDocument d) { docs.push_back(std::move(d)); },
      [](const ReadProblem& p) { ADD_FAILURE() << p.message; });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].info.id, "page");
  EXPECT_EQ(docs[0].info.title, "Chips & Policy");
  EXPECT_NE(docs[0].text.find("Freedonia funds AI."), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kg::parsers
