#include "kg/term.h"

#include <gtest/gtest.h>

#include "kg/vocab.h"

namespace kg {
namespace {

TEST(TermTest, NTriplesEscapesQuotesAndNewlines) {
  EXPECT_EQ(Term::Literal("a \"b\"\nc").ToNTriples(), "\"a \\\"b\\\"\\nc\"");
  EXPECT_EQ(Term::Literal("x", "", "en").ToNTriples(), "\"x\"@en");
  EXPECT_EQ(Term::Literal("5", std::string(vocab::kXsdInteger)).ToNTriples(),
            "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(Term::Iri("http://a/b").ToNTriples(), "<http://a/b>");
  EXPECT_EQ(Term::Blank("b0").ToNTriples(), "_:b0");
}

TEST(VocabTest, EntityIriIsLowerCaseAndDashed) {
  EXPECT_EQ(vocab::EntityIri("Quantum technology"), "urn:kg:entity:quantum-technology");
  EXPECT_EQ(vocab::EntityIri("National People's Congress"),
            "urn:kg:entity:national-people-s-congress");
  EXPECT_EQ(vocab::LocalName("urn:kg:pred:funds"), "funds");
  EXPECT_EQ(vocab::LocalName("http://x.org/a#b"), "b");
}

}  // namespace
}  // namespace kg
