#include "query/printer.h"

#include <algorithm>
#include <cstdio>

#include "kg/term.h"

namespace kg::query {
namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  AppendEscapedString(out, s);
  return out + "\"";
}

std::string JsonValue(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kNumber:
      return v.text;
    case Value::Kind::kText:
      return JsonString(v.text);
  }
  return "null";
}

std::string JsonObject(const ResultSet& rs, const std::vector<Value>& row) {
  std::string out = "{";
  for (size_t i = 0; i < rs.columns.size() && i < row.size(); ++i) {
    out += (i ? ", " : "") + JsonString(rs.columns[i]) + ": " + JsonValue(row[i]);
  }
  return out + "}";
}

// Cells never break a line of the line-oriented formats.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

class TablePrinter : public Printer {
 public:
  void Print(const ResultSet& rs, std::ostream& out) const override {
    std::vector<size_t> width(rs.columns.size());
    for (size_t i = 0; i < rs.columns.size(); ++i) width[i] = DisplayWidth(rs.columns[i]);
    for (const auto& row : rs.rows)
      for (size_t i = 0; i < row.size() && i < width.size(); ++i)
        width[i] = std::max(width[i], DisplayWidth(OneLine(row[i].text)));
    auto cell = [&](const std::string& s, size_t i, bool right) {
      std::string pad(width[i] - std::min(width[i], DisplayWidth(s)), ' ');
      return right ? pad + s : s + pad;
    };
    std::string line;
    for (size_t i = 0; i < rs.columns.size(); ++i)
      line += (i ? " | " : " ") + cell(rs.columns[i], i, false);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
    line.clear();
    for (size_t i = 0; i < rs.columns.size(); ++i)
      line += (i ? "-+-" : "-") + std::string(width[i], '-');
    out << line << "-\n";
    for (const auto& row : rs.rows) {
      line.clear();
      for (size_t i = 0; i < row.size() && i < width.size(); ++i)
        line +=
            (i ? " | " : " ") + cell(OneLine(row[i].text), i, row[i].kind == Value::Kind::kNumber);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << "\n";
    }
    out << "(" << rs.rows.size() << (rs.rows.size() == 1 ? " row)\n" : " rows)\n");
  }
};

class JsonPrinter : public Printer {
 public:
  void Print(const ResultSet& rs, std::ostream& out) const override {
    out << "[";
    for (size_t i = 0; i < rs.rows.size(); ++i)
      out << (i ? ",\n " : "\n ") << JsonObject(rs, rs.rows[i]);
    out << (rs.rows.empty() ? "]\n" : "\n]\n");
  }
};

class JsonlPrinter : public Printer {
 public:
  void Print(const ResultSet& rs, std::ostream& out) const override {
    for (const auto& row : rs.rows) out << JsonObject(rs, row) << "\n";
  }
};

class CsvPrinter : public Printer {
 public:
  static std::string Quote(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  }
  void Print(const ResultSet& rs, std::ostream& out) const override {
    for (size_t i = 0; i < rs.columns.size(); ++i) out << (i ? "," : "") << Quote(rs.columns[i]);
    out << "\r\n";
    for (const auto& row : rs.rows) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << Quote(row[i].text);
      out << "\r\n";
    }
  }
};

class TsvPrinter : public Printer {
 public:
  static std::string Escape(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '\t')
        out += "\\t";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\\')
        out += "\\\\";
      else
        out += c;
    }
    return out;
  }
  void Print(const ResultSet& rs, std::ostream& out) const override {
    for (size_t i = 0; i < rs.columns.size(); ++i) out << (i ? "\t" : "") << Escape(rs.columns[i]);
    out << "\n";
    for (const auto& row : rs.rows) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "\t" : "") << Escape(row[i].text);
      out << "\n";
    }
  }
};

class MarkdownPrinter : public Printer {
 public:
  static std::string Escape(std::string_view s) {
    std::string out;
    for (char c : OneLine(s)) {
      if (c == '|' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  }
  void Print(const ResultSet& rs, std::ostream& out) const override {
    out << "|";
    for (const auto& c : rs.columns) out << " " << Escape(c) << " |";
    out << "\n|";
    for (const auto& c : rs.columns) {
      (void)c;
      out << " --- |";
    }
    out << "\n";
    for (const auto& row : rs.rows) {
      out << "|";
      for (const Value& v : row) out << " " << Escape(v.text) << " |";
      out << "\n";
    }
  }
};

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

Result<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "markdown") return Format::kMarkdown;
  return Status::InvalidInput("unknown format \"" + std::string(name) +
                              "\" (expected table, json, jsonl, csv, tsv or markdown)");
}

const char* FormatName(Format format) {
  switch (format) {
    case Format::kTable:
      return "table";
    case Format::kJson:
      return "json";
    case Format::kJsonl:
      return "jsonl";
    case Format::kCsv:
      return "csv";
    case Format::kTsv:
      return "tsv";
    case Format::kMarkdown:
      return "markdown";
  }
  return "table";
}

std::unique_ptr<Printer> Printer::Make(Format format) {
  switch (format) {
    case Format::kTable:
      return std::make_unique<TablePrinter>();
    case Format::kJson:
      return std::make_unique<JsonPrinter>();
    case Format::kJsonl:
      return std::make_unique<JsonlPrinter>();
    case Format::kCsv:
      return std::make_unique<CsvPrinter>();
    case Format::kTsv:
      return std::make_unique<TsvPrinter>();
    case Format::kMarkdown:
      return std::make_unique<MarkdownPrinter>();
  }
  return std::make_unique<TablePrinter>();
}

}  // namespace kg::query
