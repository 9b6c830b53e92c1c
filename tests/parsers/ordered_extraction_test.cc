// Parallel extraction hands results over in input order, with the same
// triples as extracting one document at a time.
#include "parsers/ordered_extraction.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/parsers/extraction_fixture.h"

namespace kg::parsers {
namespace {

class OrderedExtractionTest : public ExtractionTest {
 protected:
  // Documents of different lengths, so threads finish out of order.
  static std::vector<SourceDocument> Documents() {
    const char* kSentences[] = {
        "Freedonia is ramping up investment in AI, quantum tech, and 6G.",
        "The Glimmer app is owned by Zentrix.",
        "Officials met the Sylvanian company Zentrix on Monday.",
    };
    std::vector<SourceDocument> docs;
    for (int i = 0; i < 60; ++i) {
      SourceDocument d;
      d.info.id = "doc-" + std::to_string(i);
      for (int k = 0; k <= (i * 7) % 13; ++k) d.text += std::string(kSentences[(i + k) % 3]) + " ";
      docs.push_back(std::move(d));
    }
    return docs;
  }

  // "id: s p o | ..." per document, in the order the sink saw them.
  static std::vector<std::string> RunWith(int jobs, size_t* ticks) {
    std::vector<std::string> seen;
    OrderedExtraction ex(*res_, jobs);
    ex.Run(
        [](const DocumentFn& fn) {
          for (auto& d : Documents()) fn(std::move(d));
        },
        [&](SourceDocument& d, Extraction& x) {
          std::string line = d.info.id + ":";
          for (const auto& t : x.triples) line += " " + t.s + " " + t.p + " " + t.o + " |";
          seen.push_back(line);
        },
        [&] { ++*ticks; });
    return seen;
  }
};

TEST_F(OrderedExtractionTest, ThreadsKeepInputOrderAndResults) {
  size_t ticks1 = 0, ticks4 = 0;
  auto one = RunWith(1, &ticks1);
  auto four = RunWith(4, &ticks4);
  ASSERT_EQ(one.size(), 60u);
  EXPECT_EQ(ticks1, 60u);
  EXPECT_EQ(ticks4, 60u);
  EXPECT_EQ(one, four);
  EXPECT_EQ(one[7].rfind("doc-7:", 0), 0u);
  EXPECT_NE(one[0].find("Freedonia funds 6G"), std::string::npos) << one[0];
}

TEST_F(OrderedExtractionTest, EmptySourceEndsAtOnce) {
  OrderedExtraction ex(*res_, 3);
  size_t sunk = 0, ticks = 0;
  ex.Run([](const DocumentFn&) {}, [&](SourceDocument&, Extraction&) { ++sunk; }, [&] { ++ticks; });
  EXPECT_EQ(sunk, 0u);
  EXPECT_EQ(ticks, 0u);
}

}  // namespace
}  // namespace kg::parsers
