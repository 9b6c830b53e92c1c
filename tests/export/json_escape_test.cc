// TextSink::Json against RapidJSON's Writer, whose output the JSON formats
// reproduce byte for byte: every byte value, in plain and escaping contexts,
// and the HTML-safe form of < > &.
#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <random>
#include <sstream>
#include <string>

#include "query/export/text_sink.h"

namespace kg::exporting {
namespace {

std::string Ours(std::string_view s, bool html_safe, bool fix_utf8 = false) {
  std::ostringstream out;
  TextSink sink(out);
  sink << '"';
  sink.Json(s, html_safe, fix_utf8);
  sink << '"';
  EXPECT_TRUE(sink.Finish().ok());
  return out.str();
}

std::string Rapid(std::string_view s, bool html_safe) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  std::string out(buf.GetString(), buf.GetSize());
  if (!html_safe) return out;
  std::string safe;
  for (char c : out) {
    if (c == '<') {
      safe += "\\u003c";
    } else if (c == '>') {
      safe += "\\u003e";
    } else if (c == '&') {
      safe += "\\u0026";
    } else {
      safe += c;
    }
  }
  return safe;
}

TEST(JsonEscapeTest, EveryByteAsRapidJsonWritesIt) {
  for (int b = 0; b < 256; ++b) {
    for (bool html : {false, true}) {
      std::string s = "a" + std::string(1, static_cast<char>(b)) + "z";
      EXPECT_EQ(Ours(s, html), Rapid(s, html)) << "byte " << b << " html " << html;
    }
  }
}

TEST(JsonEscapeTest, RandomStringsAsRapidJsonWritesThem) {
  std::mt19937 rng(7);
  const std::string alphabet =
      "ab \"\\/<>&\n\r\t\b\f\x01\x1f\x7f"
      "\xC3\xBC"
      "\xE5\x8C\x97";
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    for (size_t len = rng() % 40; len > 0; --len) s += alphabet[rng() % alphabet.size()];
    for (bool html : {false, true}) EXPECT_EQ(Ours(s, html), Rapid(s, html)) << s;
  }
}

TEST(JsonEscapeTest, BrokenUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(Ours("ok \xC3( \xE5\x8C\x97", false, true), "\"ok \xEF\xBF\xBD( \xE5\x8C\x97\"");
  EXPECT_EQ(Ours("\xFF", false, true), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(Ours("</script>", true, true), "\"\\u003c/script\\u003e\"");
}

}  // namespace
}  // namespace kg::exporting
