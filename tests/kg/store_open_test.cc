// Opening stores: the one-writer rule, readers beside a live writer, and the
// errors for directories that are not kg stores.
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "kg/store.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::ScratchDir;
using testing::St;

TEST(StoreOpenTest, SecondWriterInAnotherProcessIsBusy) {
  ScratchDir dir;
  // The child is forked before this process opens the store and starts
  // RocksDB's threads: a child forked from a threaded parent can inherit a
  // lock one of them held and hang. It tries the store once told to.
  int go[2];
  ASSERT_EQ(pipe(go), 0);
  pid_t pid = fork();
  if (pid == 0) {
    close(go[1]);
    char c;
    if (read(go[0], &c, 1) != 1) _exit(13);
    auto second = Store::Open(dir.path());
    if (second.ok()) _exit(10);
    if (second.status().code() != Status::Code::kBusy) _exit(11);
    if (second.status().message() != "store " + dir.path() + " is in use by another kg process") {
      _exit(12);
    }
    _exit(0);
  }
  close(go[0]);
  auto store = OpenOrDie(dir.path());
  // Told to go or not, the child ends: a closed pipe reads as end of file.
  bool told = store && write(go[1], "g", 1) == 1;
  close(go[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(store);
  ASSERT_TRUE(told);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // In this process too.
  auto same = Store::Open(dir.path());
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.status().code(), Status::Code::kBusy);
  EXPECT_EQ(same.status().message(), "store " + dir.path() + " is in use by another kg process");
  EXPECT_EQ(same.status().ExitCode(), 3);
}

TEST(StoreOpenTest, ReaderWorksWhileWriterRunsInAnotherProcess) {
  ScratchDir dir;
  int to_child[2], to_parent[2];
  ASSERT_EQ(pipe(to_child), 0);
  ASSERT_EQ(pipe(to_parent), 0);
  pid_t pid = fork();
  if (pid == 0) {
    // The writer: stores d1, says so, waits, stores d2, says so, waits to end.
    auto w = Store::Open(dir.path());
    if (!w.ok()) _exit(20);
    char c;
    if (!(*w)->PutDocument(Doc("d1"), {St("urn:a", "urn:p", "urn:b")}).ok()) _exit(21);
    if (write(to_parent[1], "1", 1) != 1) _exit(22);
    if (read(to_child[0], &c, 1) != 1) _exit(23);
    if (!(*w)->PutDocument(Doc("d2"), {St("urn:c", "urn:p", "urn:d")}).ok()) _exit(24);
    if (write(to_parent[1], "2", 1) != 1) _exit(25);
    if (read(to_child[0], &c, 1) != 1) _exit(26);
    _exit(0);
  }
  char c;
  ASSERT_EQ(read(to_parent[0], &c, 1), 1);
  {
    auto reader = OpenOrDie(dir.path(), /*read_only=*/true);
    ASSERT_TRUE(reader);
    EXPECT_EQ(*reader->Count({}), 1u);
    EXPECT_TRUE(reader->PutDocument(Doc("x"), {}).status().code() == Status::Code::kStoreError);
    ASSERT_EQ(write(to_child[1], "go", 1), 1);
    ASSERT_EQ(read(to_parent[0], &c, 1), 1);
    EXPECT_EQ(*reader->Count({}), 1u);  // a reader's view moves only on Refresh
    ASSERT_KG_OK(reader->Refresh());
    EXPECT_EQ(*reader->Count({}), 2u);
    auto docs = reader->ListDocuments();
    ASSERT_TRUE(docs.ok());
    EXPECT_EQ(docs->size(), 2u);
    // A second reader opened now sees both documents too.
    auto reader2 = OpenOrDie(dir.path(), true);
    EXPECT_EQ(*reader2->Count({}), 2u);
  }
  ASSERT_EQ(write(to_child[1], "e", 1), 1);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST(StoreOpenTest, MissingStoreReadOnly) {
  ScratchDir dir;
  auto r = Store::Open(dir.path(), OpenOptions{.read_only = true});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kStoreError);
  EXPECT_EQ(r.status().message(), "store " + dir.path() + " does not exist");
  r = Store::Open(dir.path(), OpenOptions{.read_only = false, .create_if_missing = false});
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(std::filesystem::exists(dir.path()));
}

TEST(StoreOpenTest, DirectoryThatIsNotAStore) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path());
  std::ofstream(dir.path() + "/notes.txt") << "hello\n";
  for (bool ro : {false, true}) {
    auto r = Store::Open(dir.path(), OpenOptions{.read_only = ro});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kStoreError);
    EXPECT_EQ(r.status().message(),
              "store " + dir.path() + " is not a kg store (no kg format version found)");
  }
  // A plain RocksDB database is not a kg store either.
  ScratchDir other;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(o, other.path(), &db).ok());
    delete db;
  }
  auto r = Store::Open(other.path());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is not a kg store"), std::string::npos);
  // A file, not a directory.
  auto f = Store::Open(dir.path() + "/notes.txt");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(), "store " + dir.path() + "/notes.txt is not a directory");
}

TEST(StoreOpenTest, OtherFormatVersionIsRefused) {
  ScratchDir dir;
  { ASSERT_TRUE(OpenOrDie(dir.path())); }
  {
    // Rewrite the version through raw RocksDB, as a future kg would.
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir.path(), descs, &handles, &db).ok());
    size_t meta = std::find(names.begin(), names.end(), "meta") - names.begin();
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[meta], "format_version", "99").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  for (bool ro : {false, true}) {
    auto r = Store::Open(dir.path(), OpenOptions{.read_only = ro});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kStoreError);
    EXPECT_EQ(r.status().message(),
              "store " + dir.path() + " has format version 99; this kg reads format version 1");
  }
}

}  // namespace
}  // namespace kg
