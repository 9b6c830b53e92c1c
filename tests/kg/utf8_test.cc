#include "kg/utf8.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

std::string Encode(char32_t cp) {
  std::string out;
  AppendUtf8(&out, cp);
  return out;
}

TEST(Utf8Test, EncodesEachLengthAtItsBoundaries) {
  EXPECT_EQ(Encode(U'A'), "A");
  EXPECT_EQ(Encode(0x7F), "\x7F");
  EXPECT_EQ(Encode(0x80), "\xC2\x80");
  EXPECT_EQ(Encode(U'é'), "\xC3\xA9");
  EXPECT_EQ(Encode(0x7FF), "\xDF\xBF");
  EXPECT_EQ(Encode(0x800), "\xE0\xA0\x80");
  EXPECT_EQ(Encode(U'€'), "\xE2\x82\xAC");
  EXPECT_EQ(Encode(0xFFFD), "\xEF\xBF\xBD");
  EXPECT_EQ(Encode(0x10000), "\xF0\x90\x80\x80");
  EXPECT_EQ(Encode(0x10FFFF), "\xF4\x8F\xBF\xBF");
}

TEST(Utf8Test, AppendsToWhatIsThere) {
  std::string out = "x";
  AppendUtf8(&out, U'ü');
  AppendUtf8(&out, U'y');
  EXPECT_EQ(out, "x\xC3\xBCy");
}

}  // namespace
}  // namespace kg
