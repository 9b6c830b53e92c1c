#include "kg/key_codec.h"

#include <gtest/gtest.h>

#include "kg/row_codec.h"

namespace kg::keys {
namespace {

std::string Hex(std::string_view s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) out += d[c >> 4], out += d[c & 15];
  return out;
}

TEST(KeyCodecTest, TripleKeysPinBytesPerOrder) {
  Triple t{0x0102030405060708ull, 0x11, 0xAABB};
  EXPECT_EQ(Hex(TripleKey(IndexOrder::kSpo, t)),
            "0102030405060708"
            "0000000000000011"
            "000000000000aabb");
  EXPECT_EQ(Hex(TripleKey(IndexOrder::kPos, t)),
            "0000000000000011"
            "000000000000aabb"
            "0102030405060708");
  EXPECT_EQ(Hex(TripleKey(IndexOrder::kOsp, t)),
            "000000000000aabb"
            "0102030405060708"
            "0000000000000011");
  for (auto order : {IndexOrder::kSpo, IndexOrder::kPos, IndexOrder::kOsp}) {
    EXPECT_EQ(TripleKey(order, t).size(), kTripleKeySize);
    EXPECT_EQ(DecodeTripleKey(order, TripleKey(order, t)), t) << IndexOrderName(order);
  }
}

TEST(KeyCodecTest, ByteOrderIsNumericOrder) {
  EXPECT_LT(IdKey(255), IdKey(256));
  EXPECT_LT(IdKey(1), IdKey(0x0100000000000000ull));
  EXPECT_LT(TripleKey(IndexOrder::kSpo, {1, 9, 9}), TripleKey(IndexOrder::kSpo, {2, 0, 0}));
}

TEST(KeyCodecTest, RangeForChoosesIndexAndPrefix) {
  struct Case {
    Triple pattern;
    IndexOrder order;
    std::string prefix_hex;
  };
  const std::string s = "0000000000000001", p = "0000000000000002", o = "0000000000000003";
  const Case cases[] = {
      {{0, 0, 0}, IndexOrder::kSpo, ""},    {{1, 0, 0}, IndexOrder::kSpo, s},
      {{1, 2, 0}, IndexOrder::kSpo, s + p}, {{1, 2, 3}, IndexOrder::kSpo, s + p + o},
      {{0, 2, 0}, IndexOrder::kPos, p},     {{0, 2, 3}, IndexOrder::kPos, p + o},
      {{0, 0, 3}, IndexOrder::kOsp, o},     {{1, 0, 3}, IndexOrder::kOsp, o + s},
  };
  for (const auto& c : cases) {
    auto r = RangeFor(c.pattern);
    EXPECT_EQ(r.order, c.order);
    EXPECT_EQ(Hex(r.prefix), c.prefix_hex);
  }
}

TEST(KeyCodecTest, OtherKeysPinBytes) {
  Triple t{1, 2, 3};
  EXPECT_EQ(Hex(DocStmtKey(0x01020304, t)),
            "01020304"
            "0000000000000001"
            "0000000000000002"
            "0000000000000003");
  EXPECT_EQ(Hex(EvidenceKey(t, 7, 9)),
            "0000000000000001"
            "0000000000000002"
            "0000000000000003"
            "00000007"
            "00000009");
  EXPECT_EQ(DocIdKey("eo-14110"), "deo-14110");
  EXPECT_EQ(Hex(DocNumberKey(258)),
            "6e"
            "00000102");
  EXPECT_EQ(Hex(NameKey("ai", 5)),
            "6169"
            "00"
            "0000000000000005");
  std::string_view name;
  TermId id = 0;
  const std::string key = NameKey("quantum tech", 42);
  ASSERT_TRUE(DecodeNameKey(key, &name, &id));
  EXPECT_EQ(name, "quantum tech");
  EXPECT_EQ(id, 42u);
  EXPECT_EQ(Hex(PredicateStatsKey(2)),
            "70"
            "0000000000000002");
  EXPECT_EQ(PrefixSuccessor("ab\xff"), "ac");
  EXPECT_EQ(PrefixSuccessor("\xff\xff"), "");
}

TEST(RowCodecTest, TermsRoundTripAndNormalise) {
  const Term terms[] = {
      Term::Iri("http://x.org/a"),
      Term::Blank("b0"),
      Term::Literal("plain"),
      Term::Literal("chat", "", "fr"),
      Term::Literal("5", "http://www.w3.org/2001/XMLSchema#integer"),
      Term::Literal(std::string("nul\0in", 6)),
  };
  for (const Term& t : terms) {
    Term back;
    ASSERT_TRUE(rows::DecodeTerm(rows::EncodeTerm(t), &back));
    EXPECT_EQ(back, t) << t.ToNTriples();
  }
  EXPECT_EQ(Hex(rows::EncodeTerm(Term::Iri("a"))), "0161");
  EXPECT_EQ(Hex(rows::EncodeTerm(Term::Literal("a", "", "en"))),
            "03"
            "00"
            "02656e"
            "61");
  // xsd:string is the default datatype: one encoding for both spellings.
  EXPECT_EQ(rows::EncodeTerm(Term::Literal("a", "http://www.w3.org/2001/XMLSchema#string")),
            rows::EncodeTerm(Term::Literal("a")));
}

TEST(RowCodecTest, RowsRoundTrip) {
  Evidence e{"", 3, 10, 42, "ByteDance owns TikTok.", "owns-1", 0.75f};
  Evidence back;
  ASSERT_TRUE(rows::DecodeEvidence(rows::EncodeEvidence(e), &back));
  EXPECT_EQ(back.sentence_index, 3u);
  EXPECT_EQ(back.begin, 10u);
  EXPECT_EQ(back.end, 42u);
  EXPECT_EQ(back.sentence, e.sentence);
  EXPECT_EQ(back.rule, e.rule);
  EXPECT_FLOAT_EQ(back.confidence, 0.75f);

  rows::DocRow row{300, true, {"d1", "T", "2024-05-01", "src", "abc", 17}};
  rows::DocRow row2;
  ASSERT_TRUE(rows::DecodeDocRow("d1", rows::EncodeDocRow(row), &row2));
  EXPECT_EQ(row2.number, 300u);
  EXPECT_TRUE(row2.bulk);
  EXPECT_EQ(row2.info.id, "d1");
  EXPECT_EQ(row2.info.title, "T");
  EXPECT_EQ(row2.info.triple_count, 17u);
  EXPECT_EQ(row2.info.content_hash, "abc");

  std::vector<uint32_t> docs{1, 300, 70000}, docs2;
  EXPECT_EQ(Hex(rows::EncodeSupport(docs)),
            "01"
            "ac02"
            "f0a204");
  ASSERT_TRUE(rows::DecodeSupport(rows::EncodeSupport(docs), &docs2));
  EXPECT_EQ(docs2, docs);
  EXPECT_FALSE(rows::DecodeSupport("\x80", &docs2));
}

}  // namespace
}  // namespace kg::keys
