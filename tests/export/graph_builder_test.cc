// GraphBuilder over a real store: attributes become node fields, relations
// become edges with weights, documents and dates.
#include "query/export/graph_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "kg/vocab.h"
#include "tests/export/policy_store.h"
#include "tests/tools/cli_runner.h"

namespace kg::exporting::testing {
namespace {

class GraphBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BuildPolicyStore(dir_ / "db");
    auto store = Store::Open(dir_ / "db", OpenOptions{.read_only = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  const ExportNode* Node(const ExportGraph& g, const std::string& label) {
    for (const ExportNode& n : g.nodes) {
      if (n.label == label) return &n;
    }
    return nullptr;
  }
  kg::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(GraphBuilderTest, WholeGraph) {
  auto g = BuildWholeGraph(*store_, {});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->nodes.size(), size_t{kPolicyNodes});
  EXPECT_EQ(g->edges.size(), size_t{kPolicyEdges});
  const ExportNode* china = Node(*g, "China");
  ASSERT_NE(china, nullptr);
  EXPECT_EQ(china->id, vocab::EntityIri("China"));
  EXPECT_EQ(china->type, "Country");
  EXPECT_EQ(china->type_iri, "urn:kg:type:Country");
  std::vector<std::string> aliases = china->aliases;
  std::sort(aliases.begin(), aliases.end());
  EXPECT_EQ(aliases, (std::vector<std::string>{"PRC", "the \"Middle\" Kingdom"}));
  EXPECT_EQ(china->degree, 3u);
  EXPECT_EQ(china->first_date, "2024-01-05");
  EXPECT_EQ(china->last_date, "2025-03-05");
  const ExportNode* alone = Node(*g, "Self-reliance");
  ASSERT_NE(alone, nullptr);
  EXPECT_EQ(alone->degree, 0u);
  EXPECT_EQ(alone->first_date, "");
  ASSERT_NE(Node(*g, "line one\nline two"), nullptr);
  bool found = false;
  for (const ExportEdge& e : g->edges) {
    const ExportPredicate& p = g->PredicateOf(e);
    if (p.name == "funds" && g->nodes[e.target].label == "end") {
      found = true;
      EXPECT_EQ(p.iri, "urn:kg:pred:funds");
      EXPECT_EQ(e.weight, 2u);
      EXPECT_EQ(g->DocumentIds(e), (std::vector<std::string>{"doc-1", "doc-2"}));
      EXPECT_TRUE(e.evidence.empty());  // only when asked for
    }
    EXPECT_NE(p.name, "founded");
  }
  EXPECT_TRUE(found);
}

TEST_F(GraphBuilderTest, EvidenceAndDocumentsForTheViewer) {
  BuildOptions options;
  options.evidence = true;
  auto g = BuildWholeGraph(*store_, options);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->documents.size(), 2u);
  EXPECT_EQ(g->documents[0].title, "Report \"one\" <1>");
  EXPECT_EQ(g->documents[1].date, "2025-03-05");
  size_t sentences = 0;
  for (const ExportEdge& e : g->edges) sentences += e.evidence.size();
  EXPECT_EQ(sentences, 8u);
}

TEST_F(GraphBuilderTest, AroundFollowsEdgesBothWays) {
  auto one = BuildAround(*store_, "prc", 1, {});
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->nodes.size(), 4u);  // China, end, Acme, the product
  EXPECT_EQ(one->edges.size(), 3u);
  auto zero = BuildAround(*store_, "China", 0, {});
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(zero->nodes.size(), 1u);
  EXPECT_EQ(zero->edges.size(), 0u);
  // From "end", incoming edges lead to everything but the isolated goal.
  auto two = BuildAround(*store_, "END", 2, {});
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->nodes.size(), size_t{kPolicyNodes - 1});
  EXPECT_EQ(two->edges.size(), size_t{kPolicyEdges});
}

TEST_F(GraphBuilderTest, AroundUnknownNameIsNotFound) {
  auto g = BuildAround(*store_, "Chna", 1, {});
  ASSERT_FALSE(g.ok());
  EXPECT_TRUE(g.status().IsNotFound());
  EXPECT_NE(g.status().message().find("Chna"), std::string::npos);
}

TEST_F(GraphBuilderTest, AmongKeepsOnlyTriplesBetweenTheEntities) {
  std::vector<TermId> ids;
  for (const char* name : {"China", "end"}) {
    auto found = store_->FindByName(name);
    ASSERT_TRUE(found.ok());
    ids.insert(ids.end(), found->begin(), found->end());
  }
  auto g = BuildAmong(*store_, ids, {});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->nodes.size(), 2u);
  ASSERT_EQ(g->edges.size(), 1u);
  EXPECT_EQ(g->PredicateOf(g->edges[0]).name, "funds");
}

}  // namespace
}  // namespace kg::exporting::testing
