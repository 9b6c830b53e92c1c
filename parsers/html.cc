#include "parsers/html.h"

#include <cctype>
#include <cstdlib>
#include <string>

#include "kg/utf8.h"
#include "parsers/text.h"

namespace kg::parsers {
namespace {

// Character references may name anything; what is no character becomes U+FFFD.
void AppendCharacter(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  AppendUtf8(out, cp);
}

struct Named {
  const char* name;
  uint32_t cp;
};
constexpr Named kNamed[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"eacute", 0xE9},  {"egrave", 0xE8},   {"uuml", 0xFC},    {"ouml", 0xF6},
    {"auml", 0xE4},    {"middot", 0xB7},  {"bull", 0x2022},   {"euro", 0x20AC},  {"pound", 0xA3},
    {"sect", 0xA7},    {"shy", 0xAD},     {"zwj", 0x200D},
};

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p",       "div",     "br",     "li",     "ul",         "ol",        "tr",    "td",
      "th",      "h1",      "h2",     "h3",     "h4",         "h5",        "h6",    "title",
      "section", "article", "header", "footer", "blockquote", "pre",       "table", "dt",
      "dd",      "hr",      "main",   "nav",    "aside",      "figcaption"};
  for (auto b : kBlock)
    if (IEquals(name, b)) return true;
  return false;
}

}  // namespace

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string digits(ref.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (digits.empty() || *end != '\0') {
        out.push_back('&');
        continue;
      }
      AppendCharacter(static_cast<uint32_t>(cp), &out);
      i = semi;
      continue;
    }
    bool found = false;
    for (const auto& n : kNamed) {
      if (ref == n.name) {
        AppendCharacter(n.cp == 0xA0 ? ' ' : n.cp, &out);
        found = true;
        break;
      }
    }
    if (!found) {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

std::string HtmlToText(std::string_view html, std::string* title) {
  std::string raw;  // text with tags removed, entities still encoded
  raw.reserve(html.size());
  size_t i = 0;
  size_t title_begin = std::string::npos;
  while (i < html.size()) {
    if (html[i] != '<') {
      raw.push_back(html[i++]);
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    size_t end = html.find('>', i + 1);
    if (end == std::string_view::npos) break;
    std::string_view tag = html.substr(i + 1, end - i - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.remove_prefix(1);
    size_t name_end = 0;
    while (name_end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[name_end]))))
      ++name_end;
    std::string_view name = tag.substr(0, name_end);
    i = end + 1;
    if (!closing && (IEquals(name, "script") || IEquals(name, "style") ||
                     IEquals(name, "noscript") || IEquals(name, "template"))) {
      std::string close = "</" + std::string(name);
      size_t pos = i;
      while (pos < html.size()) {
        size_t lt = html.find("</", pos);
        if (lt == std::string_view::npos) {
          pos = html.size();
          break;
        }
        if (IEquals(html.substr(lt, close.size()), close)) {
          size_t gt = html.find('>', lt);
          pos = gt == std::string_view::npos ? html.size() : gt + 1;
          break;
        }
        pos = lt + 2;
      }
      i = pos;
      continue;
    }
    if (IEquals(name, "title")) {
      if (!closing) {
        title_begin = raw.size();
      } else if (title && title_begin != std::string::npos) {
        *title = CollapseSpace(DecodeEntities(raw.substr(title_begin)));
        title_begin = std::string::npos;
      }
    }
    if (IsBlockTag(name)) {
      raw += "\n\n";
    } else {
      raw.push_back(' ');
    }
  }
  std::string text = DecodeEntities(raw);
  // Tag-shaped whitespace: keep paragraph breaks, drop runs of blanks.
  std::string out;
  out.reserve(text.size());
  int newlines = 0;
  bool space = false;
  for (char c : text) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines) {
        out += newlines > 1 ? "\n\n" : "\n";
      } else if (space) {
        out.push_back(' ');
      }
    }
    newlines = 0;
    space = false;
    out.push_back(c);
  }
  if (!out.empty()) out.push_back('\n');
  return out;
}

}  // namespace kg::parsers
