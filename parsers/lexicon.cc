#include "parsers/lexicon.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "parsers/document_reader.h"
#include "parsers/text.h"

namespace kg::parsers {
namespace fs = std::filesystem;

namespace {

std::string Where(const std::string& source, std::string_view json, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < json.size(); ++i) {
    if (json[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return source + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
}

Status Strings(const rapidjson::Value& obj, const char* name, std::vector<std::string>* out,
               const std::string& where) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return Status::OK();
  if (it->value.IsString()) {
    out->emplace_back(it->value.GetString(), it->value.GetStringLength());
    return Status::OK();
  }
  if (!it->value.IsArray())
    return Status::InvalidInput(where + "\"" + name + "\" must be a list of strings");
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString())
      return Status::InvalidInput(where + "\"" + name + "\" must be a list of strings");
    out->emplace_back(v.GetString(), v.GetStringLength());
  }
  return Status::OK();
}

// All-caps single words of up to five letters are matched case-sensitively.
bool NeedsExactCase(std::string_view alias) {
  if (alias.size() > 5 || alias.size() < 2) return false;
  for (char c : alias)
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)))
      return false;
  return true;
}

}  // namespace

Status Lexicon::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::OK();
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json") files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) KG_RETURN_IF_ERROR(LoadFile(f));
  return Status::OK();
}

Status Lexicon::LoadFile(const std::string& path) {
  auto bytes = ReadBytes(path);
  if (!bytes.ok()) return bytes.status();
  return LoadJson(*bytes, path);
}

Status Lexicon::LoadJson(std::string_view json, const std::string& source) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseCommentsFlag>(json.data(),
                                                                                 json.size());
  if (d.HasParseError()) {
    return Status::InvalidInput(Where(source, json, d.GetErrorOffset()) +
                                rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject() || !d.HasMember("entities") || !d["entities"].IsArray()) {
    return Status::InvalidInput(source + ":1:1: expected an object with an \"entities\" list");
  }
  size_t index = 0;
  for (const auto& e : d["entities"].GetArray()) {
    std::string where = source + ": entity " + std::to_string(index++) + ": ";
    if (!e.IsObject()) return Status::InvalidInput(where + "not an object");
    LexEntity ent;
    auto label = e.FindMember("label");
    if (label == e.MemberEnd() || !label->value.IsString() || label->value.GetStringLength() == 0)
      return Status::InvalidInput(where + "missing \"label\"");
    ent.label = label->value.GetString();
    where = source + ": entity \"" + ent.label + "\": ";
    auto type = e.FindMember("type");
    if (type == e.MemberEnd() || !type->value.IsString())
      return Status::InvalidInput(where + "missing \"type\"");
    auto t = ParseType(type->value.GetString());
    if (!t) {
      return Status::InvalidInput(where + "unknown type \"" + type->value.GetString() +
                                  "\" (expected Country, Bloc, Agency, Company, Institute, Person, "
                                  "Technology, Sector, Policy, Goal, Product or Place)");
    }
    ent.type = *t;
    KG_RETURN_IF_ERROR(Strings(e, "aliases", &ent.aliases, where));
    KG_RETURN_IF_ERROR(Strings(e, "demonyms", &ent.demonyms, where));
    KG_RETURN_IF_ERROR(Strings(e, "part_of", &ent.part_of, where));
    KG_RETURN_IF_ERROR(Strings(e, "case_sensitive", &ent.case_sensitive, where));
    std::vector<std::string> one;
    KG_RETURN_IF_ERROR(Strings(e, "wikidata", &one, where));
    if (!one.empty()) ent.wikidata = one[0];
    one.clear();
    KG_RETURN_IF_ERROR(Strings(e, "based_in", &one, where));
    if (!one.empty()) ent.based_in = one[0];
    Add(std::move(ent));
  }
  return Status::OK();
}

uint32_t Lexicon::Add(LexEntity e) {
  std::string key = FoldName(e.label);
  uint32_t id;
  auto it = by_label_.find(key);
  if (it != by_label_.end()) {
    id = it->second;
    LexEntity& old = entities_[id];
    auto merge = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
      for (const auto& s : from)
        if (std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
    };
    merge(old.aliases, e.aliases);
    merge(old.demonyms, e.demonyms);
    merge(old.part_of, e.part_of);
    merge(old.case_sensitive, e.case_sensitive);
    if (old.wikidata.empty()) old.wikidata = e.wikidata;
    if (old.based_in.empty()) old.based_in = e.based_in;
  } else {
    id = static_cast<uint32_t>(entities_.size());
    by_label_.emplace(key, id);
    entities_.push_back(e);
  }
  auto exact = [&](const std::string& name) {
    return NeedsExactCase(name) || std::find(e.case_sensitive.begin(), e.case_sensitive.end(),
                                             name) != e.case_sensitive.end();
  };
  Index(id, e.label, false, exact(e.label));
  for (const auto& a : e.aliases) Index(id, a, false, exact(a));
  for (const auto& a : e.demonyms) Index(id, a, true, exact(a));
  return id;
}

void Lexicon::Index(uint32_t id, const std::string& name, bool demonym, bool exact_case) {
  auto toks = FoldedTokens(name);
  if (toks.empty()) return;
  TrieEntry entry{id, demonym, exact_case, {}};
  if (entry.exact_case) entry.exact = name;
  trie_.Insert(toks, std::move(entry));
  // "the United States" and "United States" are the same name.
  if (toks.size() > 1 && toks[0] == "the") {
    toks.erase(toks.begin());
    trie_.Insert(toks, TrieEntry{id, demonym, false, {}});
  }
}

std::optional<uint32_t> Lexicon::FindLabel(std::string_view label) const {
  auto it = by_label_.find(FoldName(label));
  if (it == by_label_.end()) return std::nullopt;
  return it->second;
}

}  // namespace kg::parsers
