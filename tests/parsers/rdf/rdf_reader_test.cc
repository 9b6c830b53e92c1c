#include "parsers/rdf/rdf_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace kg::rdf {
namespace {

std::vector<Quad> Parse(const std::string& text, Format f = Format::kNTriples,
                        Status* status = nullptr) {
  std::vector<Quad> out;
  Status st = ParseString(
      text, f,
      [&](const Quad& q) {
        out.push_back(q);
        return Status::OK();
      },
      "t.nt");
  if (status)
    *status = st;
  else
    EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

Status ParseError(const std::string& text, Format f = Format::kNTriples) {
  Status st;
  Parse(text, f, &st);
  return st;
}

class TempFile {
 public:
  explicit TempFile(const std::string& name) {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("kg-rdf-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }
  void Write(const std::string& bytes) const { std::ofstream(path_, std::ios::binary) << bytes; }
  void WriteGz(const std::string& text) const {
    gzFile f = gzopen(path_.c_str(), "wb");
    gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
    gzclose(f);
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

TEST(RdfReaderTest, ParsesTermsOfEveryKind) {
  auto q = Parse(
      "<http://a/s> <http://a/p> <http://a/o> .\n"
      "_:b1 <http://a/p> \"plain\" .\n"
      "<http://a/s> <http://a/p> \"Hallo\"@DE-ch .\n"
      "<http://a/s> <http://a/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://a/s> <http://a/p> \"s\"^^<http://www.w3.org/2001/XMLSchema#string> .\n");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].o, Term::Iri("http://a/o"));
  EXPECT_EQ(q[1].s, Term::Blank("b1"));
  EXPECT_EQ(q[1].o, Term::Literal("plain"));
  EXPECT_EQ(q[2].o, Term::Literal("Hallo", "", "de-ch"));  // tags are lower-cased
  EXPECT_EQ(q[3].o.datatype, "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(q[4].o, Term::Literal("s"));  // xsd:string is the default
  EXPECT_FALSE(q[0].graph.has_value());
}

TEST(RdfReaderTest, DecodesEscapes) {
  auto q = Parse("<http://a/\\u00E9> <http://a/p> \"tab\\tq\\\"nl\\n\\u20AC\\U0001F600\\\\\" .\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].s.value, "http://a/\xC3\xA9");
  EXPECT_EQ(q[0].o.value, "tab\tq\"nl\n\xE2\x82\xAC\xF0\x9F\x98\x80\\");
}

TEST(RdfReaderTest, ReadsNQuadsGraphs) {
  auto q = Parse(
      "<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n"
      "<http://a/s> <http://a/p> \"x\" _:g .\n"
      "<http://a/s> <http://a/p> \"y\" .\n",
      Format::kNQuads);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].graph, Term::Iri("http://a/g"));
  EXPECT_EQ(q[1].graph, Term::Blank("g"));
  EXPECT_FALSE(q[2].graph.has_value());
}

TEST(RdfReaderTest, LineEndingsCommentsAndWhitespace) {
  auto q = Parse(
      "# header\r\n"
      "<http://a/s> <http://a/p> <http://a/o> . # trailing\r\n"
      "\t <http://a/s><http://a/p>_:o.\r"       // a lone CR ends a line too
      "<http://a/s> <http://a/p> \"last\" .");  // no final line break
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[1].o, Term::Blank("o"));
  EXPECT_EQ(q[2].o, Term::Literal("last"));
  Status st;
  Parse("# header\r\n<http://a/s> <http://a/p> <http://a/o> .\r<http://a/s> <http://a/p> bad .\n",
        Format::kNTriples, &st);
  EXPECT_EQ(st.message(),
            "t.nt:3:27: expected an object (<IRI>, _:label or \"literal\"), found 'b'");
  ASSERT_EQ(ParseError("<http://a/s> <http://a/p> <http://a/o> .\r\n"
                       "<http://a/s> <http://a/p> \"unterminated .\r\n")
                .message(),
            "t.nt:2:27: unterminated string: missing closing '\"'");
}

TEST(RdfReaderTest, ToleratesALeadingByteOrderMarkOnly) {
  auto q = Parse("\xEF\xBB\xBF<http://a/s> <http://a/p> <http://a/o> .\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].s.value, "http://a/s");
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> <http://a/o> .\n\xEF\xBB\xBF<http://a/s> "
                       "<http://a/p> <http://a/o> .\n")
                .message(),
            "t.nt:2:1: expected a subject (<IRI> or _:label), found '\xEF\xBB\xBF'");
}

TEST(RdfReaderTest, MissingFinalDotIsAnError) {
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"last\"").message(),
            "t.nt:1:33: expected '.' to end the statement, found the end of the line");
}

TEST(RdfReaderTest, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes, one character: the bad escape starts at character 31.
  Status st = ParseError("<http://a/s> <http://a/p> \"\xC3\xA9\xC3\xA9\\z\" .\n");
  EXPECT_EQ(st.message(), "t.nt:1:30: invalid escape \\z in a string");
}

TEST(RdfReaderTest, RejectsInvalidUtf8) {
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"a\xFFz\" .\n").message(),
            "t.nt:1:29: invalid UTF-8 byte 0xFF");
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"a\xC0\xAF\" .\n").message(),
            "t.nt:1:29: overlong UTF-8 sequence (0xC0 0xAF)");
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"\xE0\x80\xAF\" .\n").message(),
            "t.nt:1:28: overlong UTF-8 sequence (0xE0 0x80)");
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"\xED\xA0\x80\" .\n").message(),
            "t.nt:1:28: invalid UTF-8: encoded surrogate (0xED 0xA0)");
  EXPECT_EQ(ParseError("<http://a/\x80> <http://a/p> \"x\" .\n").message(),
            "t.nt:1:11: invalid UTF-8: stray continuation byte 0x80");
  EXPECT_EQ(ParseError("# comment \xC3\n").message(),
            "t.nt:1:11: invalid UTF-8: incomplete sequence starting with 0xC3");
}

TEST(RdfReaderTest, RejectsNulOutsideLiterals) {
  std::string nul(1, '\0');
  EXPECT_EQ(ParseError(nul + "<http://a/s> <http://a/p> <http://a/o> .\n").message(),
            "t.nt:1:1: expected a subject (<IRI> or _:label), found a NUL byte (is this a "
            "binary file?)");
  EXPECT_EQ(ParseError("<http://a/" + nul + "> <http://a/p> <http://a/o> .\n").message(),
            "t.nt:1:11: a NUL byte is not allowed in an IRI");
  // RDF 1.1 allows any character but '"', '\\' and line breaks inside a string.
  auto q = Parse("<http://a/s> <http://a/p> \"a" + nul + "b\" .\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].o.value, "a" + nul + "b");
}

TEST(RdfReaderTest, RejectsRelativeIrisAndBadTerms) {
  EXPECT_EQ(ParseError("<s> <http://a/p> <http://a/o> .\n").message(),
            "t.nt:1:1: relative IRI <s> (IRIs must be absolute here)");
  EXPECT_EQ(ParseError("<http://a/ s> <http://a/p> <http://a/o> .\n").message(),
            "t.nt:1:11: a space is not allowed in an IRI");
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"x\"@1 .\n").message(),
            "t.nt:1:31: invalid language tag: expected a letter after '@'");
  EXPECT_EQ(ParseError("_:a <http://a/p> <http://a/o> <http://a/g> .\n").message(),
            "t.nt:1:31: N-Triples statements have three terms (a graph name needs N-Quads)");
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> <http://a/o> . <http://a/s>\n").message(),
            "t.nt:1:42: expected the end of the line after '.', found '<'");
  EXPECT_EQ(ParseError("@prefix x: <http://a/> .\n").code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ParseError("<http://a/s> <http://a/p> \"x\" \"g\" .\n", Format::kNQuads).message(),
            "t.nt:1:31: a graph name must be an IRI or a blank node");
}

TEST(RdfReaderTest, RefusesTripleTermsAsNotSupported) {
  Status st =
      ParseError("<http://a/s> <http://a/p> <<( <http://a/x> <http://a/y> <http://a/z> )>> .\n");
  EXPECT_EQ(st.code(), Status::Code::kNotSupported);
  EXPECT_EQ(st.message(),
            "t.nt:1:27: RDF 1.2 triple terms (<<( ... )>>) and quoted triples are not "
            "supported");
}

TEST(RdfReaderTest, ReadsGzipAndPlainFilesAlike) {
  std::string text;
  for (int i = 0; i < 50000; ++i) {
    text += "<http://a/s" + std::to_string(i) + "> <http://a/p> \"v" + std::to_string(i) + "\" .\n";
  }
  TempFile plain("x.nt"), gz("x.nt.gz");
  plain.Write(text);
  gz.WriteGz(text);
  for (const auto* f : {&plain, &gz}) {
    auto r = Reader::Open(f->path(), Format::kNTriples, /*hash=*/true);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    Quad q;
    uint64_t n = 0;
    while ((*r)->Next(&q)) ++n;
    EXPECT_TRUE((*r)->status().ok()) << (*r)->status().ToString();
    EXPECT_EQ(n, 50000u);
    EXPECT_EQ(q.o.value, "v49999");
    EXPECT_EQ((*r)->content_hash().size(), 64u);
  }
}

TEST(RdfReaderTest, TruncatedGzipNamesTheFile) {
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += "<http://a/s> <http://a/p> \"" + std::to_string(i * 7919) + "\" .\n";
  TempFile gz("cut.nt.gz");
  gz.WriteGz(text);
  std::string bytes;
  {
    std::ifstream in(gz.path(), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  gz.Write(bytes.substr(0, bytes.size() / 2));
  Status st = ParseFile(gz.path(), Format::kNTriples, [](const Quad&) { return Status::OK(); });
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find(gz.path() + ":"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("truncated gzip file"), std::string::npos) << st.message();
}

TEST(RdfReaderTest, MissingFileAndDirectory) {
  Status st =
      ParseFile("/nonexistent/x.nt", Format::kNTriples, [](const Quad&) { return Status::OK(); });
  EXPECT_EQ(st.message(), "/nonexistent/x.nt: no such file");
  TempFile f("d");
  std::filesystem::create_directories(f.path());
  st = ParseFile(f.path(), Format::kNTriples, [](const Quad&) { return Status::OK(); });
  EXPECT_EQ(st.message(), f.path() + ": is a directory, not an RDF file");
}

TEST(RdfReaderTest, LongLineIsReadWholeAndErrorsPointIntoIt) {
  std::string big(20 << 20, 'a');
  auto q =
      Parse("<http://a/s> <http://a/p> \"" + big + "\" .\n<http://a/s> <http://a/p> \"x\" .\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].o.value.size(), big.size());
  Status st = ParseError("<http://a/s> <http://a/p> \"" + big + "\xFF\" .\n");
  EXPECT_EQ(st.message(),
            "t.nt:1:" + std::to_string(28 + big.size()) + ": invalid UTF-8 byte 0xFF");
}

TEST(RdfReaderTest, FormatFromPath) {
  EXPECT_EQ(*FormatFromPath("a/b.nt"), Format::kNTriples);
  EXPECT_EQ(*FormatFromPath("b.nq.gz"), Format::kNQuads);
  EXPECT_EQ(*FormatFromPath("b.ntriples"), Format::kNTriples);
  EXPECT_FALSE(FormatFromPath("b.ttl").ok());
  EXPECT_EQ(*ParseFormatName("nquads"), Format::kNQuads);
  EXPECT_FALSE(ParseFormatName("turtle").ok());
}

}  // namespace
}  // namespace kg::rdf
