#include "query/export/text_sink.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kg::exporting {
namespace {

std::string With(void (TextSink::*fn)(std::string_view), std::string_view in) {
  std::ostringstream out;
  {
    TextSink s(out);
    (s.*fn)(in);
    EXPECT_TRUE(s.Finish().ok());
  }
  return out.str();
}

TEST(TextSinkTest, XmlEscapesMarkupAndControls) {
  EXPECT_EQ(With(&TextSink::Xml, "a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  EXPECT_EQ(With(&TextSink::Xml, "x\ny\tz"), "x&#10;y&#9;z");
  EXPECT_EQ(With(&TextSink::Xml, std::string("a\x01"
                                             "b",
                                             3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(With(&TextSink::Xml, "Zürich 北京"), "Zürich 北京");
  EXPECT_EQ(With(&TextSink::Xml, "bad \xC3("), "bad \xEF\xBF\xBD(");
}

TEST(TextSinkTest, DotEscapesQuotesBackslashesNewlines) {
  EXPECT_EQ(With(&TextSink::Dot, "say \"hi\"\\n\nnext"), "say \\\"hi\\\"\\\\n\\nnext");
}

TEST(TextSinkTest, MermaidUsesEntityCodes) {
  EXPECT_EQ(With(&TextSink::Mermaid, "a \"b\" <c> & #d\ne"),
            "a #quot;b#quot; #lt;c#gt; #amp; #35;d e");
}

TEST(TextSinkTest, CsvQuotesOnlyWhenNeeded) {
  EXPECT_EQ(With(&TextSink::Csv, "plain"), "plain");
  EXPECT_EQ(With(&TextSink::Csv, "a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"");
}

TEST(TextSinkTest, NTriplesEscapes) {
  EXPECT_EQ(With(&TextSink::NtLiteral, "a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  EXPECT_EQ(With(&TextSink::NtIri, "urn:x y<z>"), "urn:x\\u0020y\\u003Cz\\u003E");
}

TEST(TextSinkTest, Utf8SequenceLength) {
  EXPECT_EQ(Utf8SequenceLength("a", 0), 1u);
  EXPECT_EQ(Utf8SequenceLength("ü", 0), 2u);
  EXPECT_EQ(Utf8SequenceLength("北", 0), 3u);
  EXPECT_EQ(Utf8SequenceLength("\xF0\x9F\x98\x80", 0), 4u);
  EXPECT_EQ(Utf8SequenceLength("\xC0\x80", 0), 0u);      // overlong
  EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80", 0), 0u);  // surrogate
  EXPECT_EQ(Utf8SequenceLength("\xE4\xB8", 0), 0u);      // truncated
}

}  // namespace
}  // namespace kg::exporting
