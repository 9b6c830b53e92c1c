#include "parsers/scorer.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "parsers/document_reader.h"
#include "parsers/text.h"

namespace kg::parsers {
namespace {

std::vector<std::string> AsList(const rapidjson::Value& v) {
  std::vector<std::string> out;
  if (v.IsString()) {
    out.emplace_back(v.GetString(), v.GetStringLength());
  } else if (v.IsArray()) {
    for (const auto& e : v.GetArray())
      if (e.IsString()) out.emplace_back(e.GetString(), e.GetStringLength());
  }
  return out;
}

std::string Mapped(const GoldDocument& g, const std::string& name) {
  std::string n = FoldName(name);
  auto it = g.alias.find(n);
  return it == g.alias.end() ? n : it->second;
}

}  // namespace

Result<Gold> LoadGold(const std::string& path) {
  KG_ASSIGN_OR_RETURN(std::string bytes, ReadBytes(path));
  Gold gold;
  size_t pos = 0, line_no = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (CollapseSpace(line).empty()) continue;
    std::string where = path + ":" + std::to_string(line_no) + ": ";
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    if (d.HasParseError())
      return Status::InvalidInput(where + "malformed JSON at column " +
                                  std::to_string(d.GetErrorOffset() + 1) + " (" +
                                  rapidjson::GetParseError_En(d.GetParseError()) + ")");
    if (!d.IsObject() || !d.HasMember("doc") || !d["doc"].IsString() || !d.HasMember("relations") ||
        !d["relations"].IsArray())
      return Status::InvalidInput(where + "expected {\"doc\": ..., \"relations\": [...]}");
    GoldDocument g;
    if (d.HasMember("entities") && d["entities"].IsArray()) {
      for (const auto& e : d["entities"].GetArray()) {
        if (!e.IsObject() || !e.HasMember("label") || !e["label"].IsString()) continue;
        std::string label = e["label"].GetString();
        g.alias.emplace(FoldName(label), label);
        if (e.HasMember("aliases"))
          for (const auto& a : AsList(e["aliases"])) g.alias.emplace(FoldName(a), label);
      }
    }
    for (const auto& r : d["relations"].GetArray()) {
      if (!r.IsObject() || !r.HasMember("s") || !r.HasMember("p") || !r.HasMember("o"))
        return Status::InvalidInput(where + "a relation needs s, p and o");
      GoldRelation gr;
      // Gold names map through the alias table without folding unknown ones,
      // as the reference scorer does.
      for (const auto& s : AsList(r["s"])) {
        auto it = g.alias.find(FoldName(s));
        gr.s.insert(it == g.alias.end() ? s : it->second);
        gr.s_text += (gr.s_text.empty() ? "" : "|") + s;
      }
      for (const auto& p : AsList(r["p"])) {
        gr.p.insert(p);
        gr.p_text += (gr.p_text.empty() ? "" : "|") + p;
      }
      for (const auto& o : AsList(r["o"])) {
        auto it = g.alias.find(FoldName(o));
        gr.o.insert(it == g.alias.end() ? o : it->second);
        gr.o_text += (gr.o_text.empty() ? "" : "|") + o;
      }
      if (r.HasMember("evidence") && r["evidence"].IsString())
        gr.evidence = r["evidence"].GetString();
      g.relations.push_back(std::move(gr));
    }
    gold[d["doc"].GetString()] = std::move(g);
  }
  return gold;
}

Score ScoreTriples(const Gold& gold, const std::vector<Prediction>& preds) {
  std::map<std::string, std::set<std::tuple<std::string, std::string, std::string>>> by_doc;
  for (const auto& p : preds) {
    auto g = gold.find(p.doc);
    if (g == gold.end()) continue;
    by_doc[p.doc].emplace(Mapped(g->second, p.s), p.p, Mapped(g->second, p.o));
  }
  Score score;
  for (const auto& [doc, g] : gold) {
    DocScore ds;
    ds.doc = doc;
    const auto& pred = by_doc[doc];
    auto hits = [](const GoldRelation& r,
                   const std::tuple<std::string, std::string, std::string>& k) {
      return r.p.count(std::get<1>(k)) && r.s.count(std::get<0>(k)) && r.o.count(std::get<2>(k));
    };
    for (const auto& k : pred) {
      bool hit = false;
      for (const auto& r : g.relations) hit = hit || hits(r, k);
      if (hit) {
        ++ds.tp_pred;
      } else {
        ds.extra.push_back(std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k));
      }
    }
    for (const auto& r : g.relations) {
      bool hit = false;
      for (const auto& k : pred) hit = hit || hits(r, k);
      if (hit) {
        ++ds.tp_gold;
      } else {
        ds.missed.push_back(r.s_text + " " + r.p_text + " " + r.o_text + "   <- " +
                            r.evidence.substr(0, 90));
      }
    }
    ds.pred = pred.size();
    ds.gold = g.relations.size();
    score.tp_pred += ds.tp_pred;
    score.pred += ds.pred;
    score.tp_gold += ds.tp_gold;
    score.gold += ds.gold;
    score.docs.push_back(std::move(ds));
  }
  return score;
}

}  // namespace kg::parsers
