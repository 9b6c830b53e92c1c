// A test fixture that extracts from small texts written for the tests, with
// a tiny lexicon (tests/parsers/data/lexicon/test.json) and the shipped rules.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parsers/extractor.h"

namespace kg::parsers {

class ExtractionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ResourceOptions o;
    o.lexicon_files = {KG_TEST_DATA "/lexicon/test.json"};
    auto r = ExtractionResources::Load(o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    res_ = std::move(r).value().release();
    Status st = res_->rules.LoadDirectory(KG_SOURCE_DIR "/data/rules");
    ASSERT_TRUE(st.ok()) << st.message();
  }
  static void TearDownTestSuite() {
    delete res_;
    res_ = nullptr;
  }

  Extraction Run(const std::string& text, const std::string& title = "") {
    SourceDocument d;
    d.info.id = "t";
    d.info.title = title;
    d.text = text;
    last_text_ = text;
    return Extractor(*res_).Extract(d);
  }
  static std::vector<std::string> Triples(const Extraction& x) {
    std::vector<std::string> out;
    for (const auto& t : x.triples) out.push_back(t.s + " " + t.p + " " + t.o);
    std::sort(out.begin(), out.end());
    return out;
  }
  static bool Has(const Extraction& x, const std::string& triple) {
    auto t = Triples(x);
    return std::find(t.begin(), t.end(), triple) != t.end();
  }

  static inline ExtractionResources* res_ = nullptr;
  std::string last_text_;
};

}  // namespace kg::parsers
