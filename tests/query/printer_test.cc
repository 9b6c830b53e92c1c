#include "query/printer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kg::query {
namespace {

ResultSet Sample() {
  ResultSet rs;
  rs.columns = {"name", "n"};
  rs.rows.push_back({Value{Value::Kind::kText, "a, \"b\""}, Value{Value::Kind::kNumber, "12"}});
  rs.rows.push_back({Value{Value::Kind::kText, "Ünï|x\ty"}, Value{}});
  return rs;
}

std::string Print(Format f) {
  std::ostringstream out;
  Printer::Make(f)->Print(Sample(), out);
  return out.str();
}

TEST(PrinterTest, Csv) {
  EXPECT_EQ(Print(Format::kCsv), "name,n\r\n\"a, \"\"b\"\"\",12\r\nÜnï|x\ty,\r\n");
}

TEST(PrinterTest, Tsv) { EXPECT_EQ(Print(Format::kTsv), "name\tn\na, \"b\"\t12\nÜnï|x\\ty\t\n"); }

TEST(PrinterTest, Json) {
  EXPECT_EQ(
      Print(Format::kJson),
      "[\n {\"name\": \"a, \\\"b\\\"\", \"n\": 12},\n {\"name\": \"Ünï|x\\ty\", \"n\": null}\n]\n");
  EXPECT_EQ(Print(Format::kJsonl),
            "{\"name\": \"a, \\\"b\\\"\", \"n\": 12}\n{\"name\": \"Ünï|x\\ty\", \"n\": null}\n");
}

TEST(PrinterTest, Markdown) {
  EXPECT_EQ(Print(Format::kMarkdown),
            "| name | n |\n| --- | --- |\n| a, \"b\" | 12 |\n| Ünï\\|x y |  |\n");
}

TEST(PrinterTest, TableAlignsByCodePoints) {
  EXPECT_EQ(Print(Format::kTable),
            " name    | n\n"
            "---------+----\n"
            " a, \"b\"  | 12\n"
            " Ünï|x y |\n"
            "(2 rows)\n");
}

TEST(PrinterTest, ParseFormat) {
  EXPECT_TRUE(ParseFormat("markdown").ok());
  EXPECT_FALSE(ParseFormat("xml").ok());
}

}  // namespace
}  // namespace kg::query
