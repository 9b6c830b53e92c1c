#include "kg/name_fold.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(NameFoldTest, CaseWhitespaceQuotesDashes) {
  EXPECT_EQ(FoldName("  The CHIPS   and\tScience Act "), "the chips and science act");
  EXPECT_EQ(FoldName("People\xE2\x80\x99s Republic"), "people's republic");  // U+2019
  EXPECT_EQ(FoldName("\xE2\x80\x9C"
                     "AI\xE2\x80\x9D"),
            "\"ai\"");                                   // U+201C/D
  EXPECT_EQ(FoldName("Sino\xE2\x80\x93US"), "sino-us");  // en dash
  EXPECT_EQ(FoldName("A\xE2\x80\x94"
                     "B\xE2\x88\x92"
                     "C"),
            "a-b-c");  // em, minus
  EXPECT_EQ(FoldName("Z\xC3\x9C"
                     "RICH"),
            "z\xC3\xBC"
            "rich");  // Ü -> ü
  EXPECT_EQ(FoldName("a\xC2\xA0\xC2\xA0"
                     "b"),
            "a b");                             // no-break
  EXPECT_EQ(FoldName("\xC3\x97"), "\xC3\x97");  // × stays
  EXPECT_EQ(FoldName("\xFF"
                     "AB"),
            "\xFF"
            "ab");  // not UTF-8: byte kept
  EXPECT_EQ(FoldName(""), "");
  EXPECT_EQ(FoldName("   "), "");
}

TEST(NameFoldTest, LocalNames) {
  EXPECT_EQ(FoldedLocalName("urn:kg:entity:quantum-technology"), "quantum technology");
  EXPECT_EQ(FoldedLocalName("http://dbpedia.org/resource/Environment_of_Colombia"),
            "environment of colombia");
  EXPECT_EQ(FoldedLocalName("urn:kg:entity:z%C3%BCrich"),
            "z\xC3\xBC"
            "rich");
  EXPECT_EQ(FoldedLocalName("http://x.org/a#Foo%2"), "foo%2");
}

}  // namespace
}  // namespace kg
