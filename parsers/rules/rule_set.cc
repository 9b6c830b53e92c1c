#include "parsers/rules/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "parsers/document_reader.h"
#include "parsers/entity_type.h"
#include "parsers/rules/grammar.h"
#include "parsers/tokenizer.h"

namespace kg::parsers::rules {
namespace fs = std::filesystem;

bool IsKnownPredicate(std::string_view p) {
  static constexpr std::string_view kPreds[] = {
      "funds",    "supports",  "restricts",         "regulates",    "develops", "aims_for",
      "mentions", "issued_by", "based_in",          "part_of",      "owns",     "directs",
      "revokes",  "amends",    "collaborates_with", "competes_with"};
  return std::find(std::begin(kPreds), std::end(kPreds), p) != std::end(kPreds);
}

namespace {

class Compiler {
 public:
  Compiler(const std::string& source,
           std::map<std::string, std::vector<std::vector<PatternNode>>>* macros)
      : source_(source), macros_(macros) {}

  Status Error(const ast::Located& at, const std::string& msg) {
    return Status::InvalidInput(source_ + ":" + std::to_string(at.line) + ":" +
                                std::to_string(at.column) + ": " + msg);
  }

  Status Sequence(const ast::Sequence& seq, std::vector<PatternNode>* out) {
    for (const auto& el : seq) {
      PatternNode node;
      node.negated = el.negated.has_value();
      if (node.negated) {
        if (const ast::Located* at = GapIn(el.primary))
          return Error(*at, "! applies to words and slots, not to a gap");
      }
      negating_ += node.negated;
      Status st = Primary(el.primary, &node);
      negating_ -= node.negated;
      KG_RETURN_IF_ERROR(st);
      node.optional = el.optional.has_value();
      if (node.negated) {
        if (node.optional) return Error(el, "an element cannot be both !negated and optional?");
      }
      if (node.kind == PatternNode::Kind::kGap) {
        // An optional comma between the slot and the gap still leaves the
        // gap right after the slot: "Fujitsu of U.S.-based Fairchild, a unit
        // of Schlumberger" must not give Schlumberger owns Fujitsu.
        auto slot = out->rbegin();
        while (slot != out->rend() && slot->optional && IsPunctuationWords(*slot)) ++slot;
        if (slot != out->rend() && slot->kind == PatternNode::Kind::kSlot && !slot->negated) {
          node.stop_mask = slot->type_mask;
          node.stop_demonym = slot->demonym;
          node.stop_punctuation = slot == out->rbegin();
        }
      }
      out->push_back(std::move(node));
    }
    return Status::OK();
  }

  // Adds one compiled alternative to `alts`. An alternative that is only a
  // nested word list ("... | $WHEN") is replaced by that list's own
  // alternatives, so each keeps its first word and the matcher can skip it
  // at a glance; the words matched are the same.
  static void Splice(std::vector<PatternNode> seq, std::vector<std::vector<PatternNode>>* alts) {
    if (seq.size() == 1 && seq[0].kind == PatternNode::Kind::kAlternatives && !seq[0].optional &&
        !seq[0].negated) {
      for (auto& inner : seq[0].alternatives) alts->push_back(std::move(inner));
      return;
    }
    alts->push_back(std::move(seq));
  }

  // Fills the first-word index of an alternatives node.
  static void IndexAlternatives(PatternNode* node) {
    node->first_word_hashes.clear();
    node->open = false;
    for (const auto& alt : node->alternatives) {
      const PatternNode* a = alt.empty() ? nullptr : &alt.front();
      if (!a || a->kind != PatternNode::Kind::kWords || a->optional || a->negated ||
          a->word_hashes.empty()) {
        node->open = true;
        continue;
      }
      node->first_word_hashes.push_back(a->word_hashes[0]);
    }
    std::sort(node->first_word_hashes.begin(), node->first_word_hashes.end());
  }

  static bool IsPunctuationWords(const PatternNode& n) {
    if (n.kind != PatternNode::Kind::kWords || n.words.empty()) return false;
    for (const auto& w : n.words)
      if (w != "," && w != ";" && w != ":") return false;
    return true;
  }

  // A gap inside a negated element: a check skips nothing.
  static const ast::Located* GapIn(const ast::Primary& p) {
    if (const auto* g = boost::get<ast::Gap>(&p)) return g;
    if (const auto* a = boost::get<ast::x3::forward_ast<ast::Alternatives>>(&p))
      for (const auto& seq : a->get())
        for (const auto& el : seq)
          if (const ast::Located* at = GapIn(el.primary)) return at;
    return nullptr;
  }

  Status Primary(const ast::Primary& p, PatternNode* node) {
    struct Visitor {
      Compiler* c;
      PatternNode* node;
      Status operator()(const ast::Slot& s) const { return c->Slot(s, node); }
      Status operator()(const ast::Gap& g) const {
        node->kind = PatternNode::Kind::kGap;
        node->max_gap = g.max ? *g.max : 8;
        if (node->max_gap > 40) return c->Error(g, "a gap may skip at most 40 tokens");
        return Status::OK();
      }
      Status operator()(const ast::MacroRef& m) const {
        auto it = c->macros_->find(m.name);
        if (it == c->macros_->end())
          return c->Error(m, "undefined word list $" + m.name + " (define it before use)");
        node->kind = PatternNode::Kind::kAlternatives;
        node->alternatives = it->second;
        IndexAlternatives(node);
        return Status::OK();
      }
      Status operator()(const std::string& lit) const {
        node->kind = PatternNode::Kind::kWords;
        node->words = FoldedTokens(lit);
        if (node->words.empty()) return Status::InvalidInput(c->source_ + ": empty literal \"\"");
        for (const auto& w : node->words) node->word_hashes.push_back(WordHash(w));
        return Status::OK();
      }
      Status operator()(const ast::Alternatives& alts) const {
        node->kind = PatternNode::Kind::kAlternatives;
        for (const auto& seq : alts) {
          std::vector<PatternNode> compiled;
          KG_RETURN_IF_ERROR(c->Sequence(seq, &compiled));
          Splice(std::move(compiled), &node->alternatives);
        }
        IndexAlternatives(node);
        return Status::OK();
      }
    };
    return boost::apply_visitor(Visitor{this, node}, p);
  }

  Status Slot(const ast::Slot& s, PatternNode* node) {
    node->kind = PatternNode::Kind::kSlot;
    node->list = s.list;
    for (const auto& t : s.types) {
      if (t == "Demonym") {
        node->demonym = true;
      } else if (t == "NamedPolicy") {
        node->named_policy = true;
      } else if (t == "OwnPolicy") {
        node->own_policy = true;
      } else if (t == "Actor") {
        for (int i = 0; i < kNumEntityTypes; ++i)
          if (IsActor(static_cast<EntityType>(i))) node->type_mask |= 1u << i;
      } else if (t == "Any") {
        node->type_mask = (1u << kNumEntityTypes) - 1;
      } else if (auto type = ParseType(t)) {
        node->type_mask |= 1u << static_cast<int>(*type);
      } else {
        return Error(
            s, "unknown entity type " + t +
                   " (expected a schema type, Actor, Any, NamedPolicy, OwnPolicy or Demonym)");
      }
    }
    // A negated slot ("![Country]:x", no country here) binds nothing.
    if (negating_ > 0) return node->var = -1, Status::OK();
    auto it = std::find(vars_.begin(), vars_.end(), s.name);
    if (it != vars_.end()) return Error(s, "slot name " + s.name + " is used twice in this rule");
    node->var = static_cast<int>(vars_.size());
    vars_.push_back(s.name);
    return Status::OK();
  }

  Status Rule(const ast::Rule& r, CompiledRule* out) {
    vars_.clear();
    out->name = r.name;
    out->where = source_ + ":" + std::to_string(r.line);
    out->anchored = r.anchored.has_value();
    KG_RETURN_IF_ERROR(Sequence(r.pattern, &out->pattern));
    out->vars = static_cast<int>(vars_.size());
    // The slot the match opens with, if it opens with one.
    const PatternNode& opening = out->pattern.front();
    const int first_var =
        opening.kind == PatternNode::Kind::kSlot && !opening.negated && !opening.optional
            ? opening.var
            : -2;
    for (const auto& h : r.heads) {
      HeadSpec spec;
      KG_RETURN_IF_ERROR(Term(h, h.s, &spec.s));
      KG_RETURN_IF_ERROR(Term(h, h.o, &spec.o));
      spec.actor_leads = spec.s < 0 ? first_var != -2 : spec.s == first_var;
      if (!IsKnownPredicate(h.predicate))
        return Error(h, "unknown predicate " + h.predicate + " (see docs/rules.md for the list)");
      spec.predicate = h.predicate;
      out->heads.push_back(spec);
    }
    if (r.confidence) {
      if (*r.confidence <= 0 || *r.confidence > 1) return Error(r, "confidence must be in (0, 1]");
      out->confidence = static_cast<float>(*r.confidence);
    }
    for (const auto& n : out->pattern) {
      if (n.optional || n.negated) continue;
      if (n.kind == PatternNode::Kind::kWords) out->required_words.push_back(n.words[0]);
      if (n.kind != PatternNode::Kind::kAlternatives) continue;
      std::vector<std::string> firsts;
      bool all_words = true;
      for (const auto& alt : n.alternatives) {
        if (alt.empty() || alt[0].kind != PatternNode::Kind::kWords || alt[0].optional) {
          all_words = false;
          break;
        }
        firsts.push_back(alt[0].words[0]);
      }
      if (all_words && !firsts.empty()) out->required_any.push_back(std::move(firsts));
    }
    for (const auto& w : out->required_words) out->required_hashes.push_back(WordHash(w));
    for (const auto& group : out->required_any) {
      out->required_any_hashes.emplace_back();
      for (const auto& w : group) out->required_any_hashes.back().push_back(WordHash(w));
    }
    return Status::OK();
  }

  Status Term(const ast::Head& h, const std::string& name, int* var) {
    if (name == "@doc") return *var = kDocVar, Status::OK();
    if (name == "@country") return *var = kCountryVar, Status::OK();
    auto it = std::find(vars_.begin(), vars_.end(), name);
    if (it == vars_.end())
      return Error(h, "\"" + name + "\" is not a slot of this rule, @doc or @country");
    *var = static_cast<int>(it - vars_.begin());
    return Status::OK();
  }

 private:
  const std::string& source_;
  std::map<std::string, std::vector<std::vector<PatternNode>>>* macros_;
  std::vector<std::string> vars_;
  int negating_ = 0;  // inside a !element
};

}  // namespace

Status RuleSet::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::OK();
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".rules") files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) KG_RETURN_IF_ERROR(LoadFile(f));
  return Status::OK();
}

Status RuleSet::LoadFile(const std::string& path) {
  auto bytes = ReadBytes(path);
  if (!bytes.ok()) return bytes.status();
  return LoadText(*bytes, path);
}

Status RuleSet::LoadText(std::string_view text, const std::string& source) {
  KG_ASSIGN_OR_RETURN(ast::File file, Parse(text, source));
  // Word lists defined in earlier files stay visible (a user's rules may use $SUPPORT).
  auto macros = macros_;
  Compiler compiler(source, &macros);
  std::vector<CompiledRule> compiled;
  for (const auto& st : file) {
    if (const auto* d = boost::get<ast::Define>(&st)) {
      std::vector<std::vector<PatternNode>> alts;
      for (const auto& seq : d->words) {
        std::vector<PatternNode> compiled;
        KG_RETURN_IF_ERROR(compiler.Sequence(seq, &compiled));
        for (const auto& n : compiled)
          if (n.kind == PatternNode::Kind::kSlot && !n.negated)
            return compiler.Error(*d, "a word list may not contain slots");
        Compiler::Splice(std::move(compiled), &alts);
      }
      macros[d->name] = std::move(alts);
    } else {
      const auto& r = boost::get<ast::Rule>(st);
      CompiledRule cr;
      KG_RETURN_IF_ERROR(compiler.Rule(r, &cr));
      compiled.push_back(std::move(cr));
    }
  }
  for (auto& r : compiled) rules_.push_back(std::move(r));
  macros_ = std::move(macros);
  return Status::OK();
}

}  // namespace kg::parsers::rules
