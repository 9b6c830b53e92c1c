// Printer: writes a ResultSet as an aligned table (for people) or as json,
// jsonl, csv, tsv or markdown (for programs). Nulls print as empty cells
// (null in JSON); numbers stay numbers in JSON.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "query/result.h"

namespace kg::query {

enum class Format { kTable, kJson, kJsonl, kCsv, kTsv, kMarkdown };

// "table", "json", ... InvalidInput for anything else.
Result<Format> ParseFormat(std::string_view name);
const char* FormatName(Format format);

class Printer {
 public:
  virtual ~Printer() = default;
  static std::unique_ptr<Printer> Make(Format format);
  virtual void Print(const ResultSet& rs, std::ostream& out) const = 0;
};

// Width of a UTF-8 string in terminal columns (one per code point).
size_t DisplayWidth(std::string_view s);

}  // namespace kg::query
