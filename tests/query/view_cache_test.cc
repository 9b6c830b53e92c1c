// What the engine keeps across queries (kg/view_cache.h): labels, a writer
// shows its own new labels at once, a reader shows the labels of its view
// until Refresh() and the new ones right after, for a single term
// (ExecContext::Label) and for a result's terms read together
// (PrefetchLabels); and the planner's range counts, which follow the view
// the same way. Real stores on disk, a real writer and reader.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kg/label_cache.h"
#include "kg/store.h"
#include "kg/vocab.h"
#include "query/engine.h"

namespace kg::query {
namespace {

class ScratchStore {
 public:
  ScratchStore()
      : path_((std::filesystem::temp_directory_path() /
               ("kg-label-cache-" + std::to_string(getpid()) + "-" + std::to_string(counter_++)))
                  .string()) {
    std::filesystem::remove_all(path_);
  }
  ~ScratchStore() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

Statement Typed(const std::string& entity, const std::string& type) {
  return Statement{Term::Iri(vocab::EntityIri(entity)),
                   Term::Iri(std::string(vocab::kRdfType)),
                   Term::Iri(vocab::TypeIri(type)),
                   false,
                   {}};
}

Statement Labelled(const std::string& entity, const std::string& label, const char* pred) {
  return Statement{
      Term::Iri(vocab::EntityIri(entity)), Term::Iri(pred), Term::Literal(label), false, {}};
}

DocumentInfo Doc(const std::string& id, const std::string& hash) {
  DocumentInfo d;
  d.id = id;
  d.content_hash = hash;
  return d;
}

// The first column of every row, sorted.
std::vector<std::string> Column(Engine& engine, const std::string& query) {
  QueryOptions options;
  auto rs = engine.RunText(query, options);
  EXPECT_TRUE(rs.ok()) << query << ": " << rs.status().ToString();
  std::vector<std::string> out;
  if (!rs.ok()) return out;
  for (const auto& row : rs->rows) out.push_back(row.at(0).text);
  std::sort(out.begin(), out.end());
  return out;
}

using Strings = std::vector<std::string>;
const char* const kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
const char* const kPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";

// Company "one" is labelled, company "two" is shown by its local name and
// agency "three" alone (a single term) carries a prefLabel.
std::vector<Statement> Graph(const std::string& one, const std::string& three) {
  return {Typed("one", "Company"), Typed("two", "Company"), Typed("three", "Agency"),
          Labelled("one", one, kRdfsLabel), Labelled("three", three, kPrefLabel)};
}

std::unique_ptr<Store> Open(const std::string& dir, bool read_only) {
  auto s = Store::Open(dir, OpenOptions{.read_only = read_only});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// A writer holding Graph("Acme", "Agency A"), and a reader opened after it.
void OpenWriterAndReader(const ScratchStore& dir, std::unique_ptr<Store>* writer,
                         std::unique_ptr<Store>* reader) {
  *writer = Open(dir.path(), false);
  ASSERT_TRUE(*writer);
  ASSERT_TRUE((*writer)->PutDocument(Doc("d1", "h1"), Graph("Acme", "Agency A")).ok());
  *reader = Open(dir.path(), true);
  ASSERT_TRUE(*reader);
}

TEST(LabelCacheQueryTest, AWriterShowsItsNewLabelsAtOnce) {
  ScratchStore dir;
  auto writer = Open(dir.path(), false);
  ASSERT_TRUE(writer);
  ASSERT_TRUE(writer->PutDocument(Doc("d1", "h1"), Graph("Acme", "Agency A")).ok());
  Engine engine(writer.get());
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"Acme", "two"}));
  EXPECT_EQ(Column(engine, "find ?x where ?x type Agency"), (Strings{"Agency A"}));
  EXPECT_GE(writer->label_cache()->size(), 3u);
  // Asked again, the labels come from the cache and are the same.
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"Acme", "two"}));

  std::vector<Statement> changed = Graph("Acme Corp", "Agency B");
  changed.push_back(Labelled("two", "Two Ltd", kRdfsLabel));
  ASSERT_TRUE(writer->PutDocument(Doc("d1", "h2"), changed).ok());
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"Acme Corp", "Two Ltd"}));
  EXPECT_EQ(Column(engine, "find ?x where ?x type Agency"), (Strings{"Agency B"}));

  // Forgetting the document that labels them brings the local names back.
  ASSERT_TRUE(writer->PutDocument(Doc("d0", "h0"), {Typed("one", "Company")}).ok());
  ASSERT_TRUE(writer->RemoveDocument("d1").ok());
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"one"}));
}

TEST(LabelCacheQueryTest, AReaderShowsNewLabelsRightAfterRefresh) {
  ScratchStore dir;
  std::unique_ptr<Store> writer, reader;
  ASSERT_NO_FATAL_FAILURE(OpenWriterAndReader(dir, &writer, &reader));
  Engine engine(reader.get());
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"Acme", "two"}));
  EXPECT_EQ(Column(engine, "find ?x where ?x type Agency"), (Strings{"Agency A"}));

  std::vector<Statement> changed = Graph("Acme Corp", "Agency B");
  changed.push_back(Labelled("two", "Two Ltd", kRdfsLabel));
  ASSERT_TRUE(writer->PutDocument(Doc("d1", "h2"), changed).ok());
  // The reader's view stays where it was until it catches up...
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"Acme", "two"}));
  ASSERT_TRUE(reader->Refresh().ok());
  // ...and then no label of the older view is shown.
  EXPECT_EQ(Column(engine, "find ?x where ?x type Company"), (Strings{"Acme Corp", "Two Ltd"}));
  EXPECT_EQ(Column(engine, "find ?x where ?x type Agency"), (Strings{"Agency B"}));

  // A bulk load changes labels through files alone.
  auto loader = writer->NewBulkLoader(Doc("bulk", "b1"));
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  ASSERT_TRUE((*loader)
                  ->Add(Term::Iri(vocab::EntityIri("three")), Term::Iri(kRdfsLabel),
                        Term::Literal("Agency C"), nullptr)
                  .ok());
  ASSERT_TRUE((*loader)->Finish().ok());
  EXPECT_EQ(Column(engine, "find ?x where ?x type Agency"), (Strings{"Agency B"}));
  ASSERT_TRUE(reader->Refresh().ok());
  EXPECT_EQ(Column(engine, "find ?x where ?x type Agency"), (Strings{"Agency C"}));
  Engine writer_engine(writer.get());
  EXPECT_EQ(Column(writer_engine, "find ?x where ?x type Agency"), (Strings{"Agency C"}));
}

// The plan's estimate for `?x type Company`, a range the planner counts
// (in a join; alone, a pattern is estimated from its predicate's stats).
std::string Estimate(Engine& engine) {
  auto rs = engine.RunText("explain find ?x where ?x type Company, ?x type ?t", QueryOptions());
  EXPECT_TRUE(rs.ok()) << rs.status().ToString();
  std::string plan;
  if (rs.ok())
    for (const auto& row : rs->rows) plan += row.at(0).text + "\n";
  auto at = plan.find("Scan ?x type Company  (est. ");
  if (at != std::string::npos) at = plan.find("(est. ", at);
  return at == std::string::npos ? plan : plan.substr(at, plan.find(')', at) - at + 1);
}

TEST(RangeStatsCacheQueryTest, PlansFollowTheViewLikeLabels) {
  ScratchStore dir;
  std::unique_ptr<Store> writer, reader;
  ASSERT_NO_FATAL_FAILURE(OpenWriterAndReader(dir, &writer, &reader));
  Engine writer_engine(writer.get()), reader_engine(reader.get());
  EXPECT_EQ(Estimate(writer_engine), "(est. 2 rows)");
  EXPECT_EQ(Estimate(reader_engine), "(est. 2 rows)");
  EXPECT_GT(writer->range_stats_cache()->size(), 0u);
  EXPECT_EQ(Estimate(reader_engine), "(est. 2 rows)");  // from the cache, the same

  ASSERT_TRUE(writer->PutDocument(Doc("d2", "h1"), {Typed("four", "Company")}).ok());
  EXPECT_EQ(Column(writer_engine, "find ?x where ?x type Company"),
            (Strings{"Acme", "four", "two"}));
  EXPECT_EQ(Estimate(writer_engine), "(est. 3 rows)");
  EXPECT_EQ(Estimate(reader_engine), "(est. 2 rows)");
  ASSERT_TRUE(reader->Refresh().ok());
  EXPECT_EQ(Estimate(reader_engine), "(est. 3 rows)");
}

}  // namespace
}  // namespace kg::query
