#include "parsers/rdf/rdf_writer.h"

#include <gtest/gtest.h>

namespace kg::rdf {
namespace {

std::string Line(const Term& s, const Term& p, const Term& o, const Term* g = nullptr) {
  std::string out;
  AppendStatement(&out, s, p, o, g);
  return out;
}

TEST(RdfWriterTest, EscapesWhatTheGrammarForbids) {
  EXPECT_EQ(Line(Term::Iri("http://a/x y>"), Term::Iri("http://a/p"),
                 Term::Literal(std::string("q\"\\\n\r\t\x01", 7) + std::string(1, '\0'))),
            "<http://a/x\\u0020y\\u003E> <http://a/p> \"q\\\"\\\\\\n\\r\\t\\u0001\\u0000\" .\n");
  Term g = Term::Iri("urn:kg:doc:d");
  EXPECT_EQ(Line(Term::Blank("b1"), Term::Iri("http://a/p"), Term::Literal("x", "", "en"), &g),
            "_:b1 <http://a/p> \"x\"@en <urn:kg:doc:d> .\n");
}

TEST(RdfWriterTest, UnsafeBlankLabelsStayParseableAndDistinct) {
  std::string a = Line(Term::Blank("a b"), Term::Iri("http://a/p"), Term::Blank("a.b."));
  std::vector<Quad> qs;
  ASSERT_TRUE(ParseString(a, Format::kNTriples,
                          [&](const Quad& q) {
                            qs.push_back(q);
                            return Status::OK();
                          })
                  .ok())
      << a;
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_NE(qs[0].s.value, qs[0].o.value);
}

TEST(RdfWriterTest, RoundTripsThroughTheReader) {
  std::string text =
      "<http://a/\xC3\xA9> <http://a/p> \"caf\xC3\xA9 \\u0007\"@fr .\n"
      "_:x <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  std::string out;
  ASSERT_TRUE(ParseString(text, Format::kNTriples, [&](const Quad& q) {
                AppendStatement(&out, q.s, q.p, q.o, nullptr);
                return Status::OK();
              }).ok());
  EXPECT_EQ(out,
            "<http://a/\xC3\xA9> <http://a/p> \"caf\xC3\xA9 \\u0007\"@fr .\n"
            "_:x <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

}  // namespace
}  // namespace kg::rdf
